package cn.qinqing.language.project;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A blocker (堵点) was raised on a key project. The appeals service files it as an appeal on the investing enterprise's
 * behalf (source {@code KEY_PROJECT}); the assignment service sends that appeal to the project's department with the
 * project's leader in charge (领办), so it follows the usual loop of dispatch, deadlines and close-out.
 *
 * @param appealId the appeal it becomes: {@code Ids.derive("project-blocker", blockerId.toString())}. Named
 *     {@code appealId} so that this event is ordered with that appeal's events.
 * @param enterpriseId the investing enterprise the appeal is filed for
 * @param departmentId the project's responsible department, which the appeal goes to
 * @param leaderId the project's responsible leader, in charge of the appeal
 */
@Revision("1")
public record BlockerRaisedEvent(
        UUID projectId,
        UUID blockerId,
        UUID appealId,
        String projectName,
        String enterpriseId,
        String title,
        String description,
        AppealCategory category,
        Urgency urgency,
        String departmentId,
        String leaderId,
        Instant raisedAt) {}
