package cn.qinqing.language.directory;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A routing rule was changed: from {@code changedAt} on, it reads as given here (the whole rule, not a difference) and
 * no longer routes to {@code previousDepartmentId}.
 */
@Revision("1")
public record RoutingRuleChangedEvent(
        UUID ruleId,
        AppealCategory category,
        IndustryChainPosition chainPosition,
        String district,
        String departmentId,
        String previousDepartmentId,
        Instant changedAt) {}
