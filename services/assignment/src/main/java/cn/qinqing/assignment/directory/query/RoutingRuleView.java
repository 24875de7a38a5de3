package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a routing rule and when it was in force.
 *
 * @param category null for the default rule
 * @param validTo when this version stopped being in force (changed or removed); null while it is
 * @param changedBy who made this version
 * @param version the rule's aggregate version; the current one is its ETag
 */
public record RoutingRuleView(
        UUID ruleId,
        long version,
        AppealCategory category,
        IndustryChainPosition chainPosition,
        String district,
        String departmentId,
        Instant validFrom,
        Instant validTo,
        String changedBy) {

    public boolean isDefault() {
        return category == null;
    }

    /** Whether this rule has the same conditions as the other (two such rules cannot both be in force). */
    public boolean sameConditionsAs(
            AppealCategory otherCategory, IndustryChainPosition otherChain, String otherDistrict) {
        return java.util.Objects.equals(category, otherCategory)
                && java.util.Objects.equals(chainPosition, otherChain)
                && java.util.Objects.equals(district, otherDistrict);
    }
}
