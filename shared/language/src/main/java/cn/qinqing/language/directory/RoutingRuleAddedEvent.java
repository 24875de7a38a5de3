package cn.qinqing.language.directory;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A routing rule (派单规则) came into force: appeals of this category (and, where given, of enterprises at this
 * industry-chain position and in this district) go to this department. The most specific rule in force wins.
 *
 * @param category null only for the default rule, which takes what no other rule matches
 * @param chainPosition only enterprises at this position, or null for any
 * @param district only enterprises in this district (旗县区), or null for any
 */
@Revision("1")
public record RoutingRuleAddedEvent(
        UUID ruleId,
        AppealCategory category,
        IndustryChainPosition chainPosition,
        String district,
        String departmentId,
        Instant addedAt) {}
