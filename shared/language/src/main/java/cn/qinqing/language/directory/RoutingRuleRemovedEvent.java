package cn.qinqing.language.directory;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A routing rule went out of force at {@code removedAt}; the event repeats the rule as it last read. */
@Revision("1")
public record RoutingRuleRemovedEvent(
        UUID ruleId,
        AppealCategory category,
        IndustryChainPosition chainPosition,
        String district,
        String departmentId,
        Instant removedAt) {}
