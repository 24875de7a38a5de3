package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which rule routes an appeal (自动派单): among the rules whose every condition the appeal meets, the most specific one
 * (category and district and chain position, before category and district, before category and chain position, before
 * category alone), then the oldest; the default rule only when no rule of the category matches. No rule at all: the
 * dispatcher decides.
 */
public final class RoutingPolicy {

    private RoutingPolicy() {}

    /**
     * @param chainPosition the enterprise's industry-chain position, null when unknown (then only rules without one
     *     match)
     * @param district the enterprise's district, null when unknown
     */
    public static Optional<RoutingRuleView> route(
            List<RoutingRuleView> rules,
            AppealCategory category,
            IndustryChainPosition chainPosition,
            String district) {
        Optional<RoutingRuleView> specific = rules.stream()
                .filter(rule -> !rule.isDefault())
                .filter(rule -> rule.category() == category)
                .filter(rule -> rule.chainPosition() == null || rule.chainPosition() == chainPosition)
                .filter(rule -> rule.district() == null || rule.district().equals(district))
                .max(Comparator.comparingInt(RoutingPolicy::specificity)
                        .thenComparing(RoutingRuleView::validFrom, Comparator.reverseOrder())
                        .thenComparing(rule -> rule.ruleId().toString(), Comparator.reverseOrder()));
        if (specific.isPresent()) {
            return specific;
        }
        return rules.stream()
                .filter(RoutingRuleView::isDefault)
                .min(Comparator.comparing(RoutingRuleView::validFrom)
                        .thenComparing(rule -> rule.ruleId().toString()));
    }

    /** A district is a narrower condition than a chain position: it names the place the enterprise is. */
    static int specificity(RoutingRuleView rule) {
        return (rule.district() != null ? 2 : 0) + (rule.chainPosition() != null ? 1 : 0);
    }
}
