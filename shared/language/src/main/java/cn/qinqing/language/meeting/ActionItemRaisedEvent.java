package cn.qinqing.language.meeting;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A decision of the meeting became a tracked action item (督办事项). The appeals service files it as an appeal on the
 * enterprise's behalf (source {@code BREAKFAST_MEETING}), so it flows through dispatch, the SLA clock and close-out.
 *
 * @param appealId the appeal it becomes: {@code Ids.derive("meeting-action-item", actionItemId.toString())}. Named
 *     {@code appealId} so that this event is ordered with that appeal's events.
 * @param agendaPosition the agenda item whose decision raised it
 * @param decision the number (from 1) of the decision within that item's minutes
 * @param ownerDepartmentId the department the meeting made responsible (牵头部门). The assignment service's routing
 *     rules may choose another; this is the meeting's intent, which a router may honour.
 * @param responsibleLeaderId the leader who answers for it (责任领导)
 * @param dueOn the date (Asia/Shanghai) by which it must be done
 */
@Revision("1")
public record ActionItemRaisedEvent(
        UUID meetingId,
        UUID actionItemId,
        UUID appealId,
        int agendaPosition,
        int decision,
        String enterpriseId,
        String ownerDepartmentId,
        String responsibleLeaderId,
        LocalDate dueOn,
        String title,
        String description,
        AppealCategory category,
        Urgency urgency,
        Instant raisedAt) {}
