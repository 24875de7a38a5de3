package cn.qinqing.language.assignment;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The assignment service took up a filed appeal: the facts it routed on. Always followed by
 * {@link AppealDispatchedEvent} (a rule matched) or {@link AppealQueuedForDispatchEvent} (the dispatcher decides).
 *
 * @param chainPosition the enterprise's industry-chain position as the service knew it, or null when unknown
 * @param district the enterprise's district as the service knew it, or null when unknown
 */
@Revision("1")
public record AssignmentOpenedEvent(
        UUID appealId,
        String enterpriseId,
        AppealCategory category,
        Urgency urgency,
        IndustryChainPosition chainPosition,
        String district,
        Instant openedAt) {}
