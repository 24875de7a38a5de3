package cn.qinqing.assignment.directory.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;

/**
 * What a routing rule matches: a category, optionally narrowed to an industry-chain position and a district; or
 * nothing at all, for the default rule.
 */
public record RoutingConditions(AppealCategory category, IndustryChainPosition chainPosition, String district) {

    public static final RoutingConditions DEFAULT = new RoutingConditions(null, null, null);

    public boolean isDefault() {
        return category == null;
    }

    /** Narrowing conditions only make sense under a category: the default rule takes everything else. */
    public boolean isWellFormed() {
        return category != null || (chainPosition == null && district == null);
    }
}
