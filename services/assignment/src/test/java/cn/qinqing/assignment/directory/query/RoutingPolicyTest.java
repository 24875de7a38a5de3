package cn.qinqing.assignment.directory.query;

import static cn.qinqing.language.AppealCategory.FINANCE;
import static cn.qinqing.language.AppealCategory.LAND;
import static cn.qinqing.language.AppealCategory.OTHER;
import static cn.qinqing.language.AppealCategory.POWER;
import static cn.qinqing.language.IndustryChainPosition.CELL;
import static cn.qinqing.language.IndustryChainPosition.POLYSILICON;
import static cn.qinqing.language.IndustryChainPosition.WAFER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Routing as a table: category × chain position × district → department. */
class RoutingPolicyTest {

    static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    /** The rules in force, most of them in the demo; a few narrower ones to show specificity. */
    static final List<RoutingRuleView> RULES = List.of(
            rule(1, POWER, null, null, "industry-it"),
            rule(2, POWER, POLYSILICON, null, "dev-reform"),
            rule(3, POWER, null, "稀土高新区", "rare-earth-park"),
            rule(4, POWER, POLYSILICON, "稀土高新区", "rare-earth-energy"),
            rule(5, LAND, null, null, "natural-resources"),
            rule(6, LAND, null, "青山区", "qingshan-land"),
            rule(7, FINANCE, WAFER, null, "finance-office"),
            rule(8, null, null, null, "business-environment"));

    static Stream<Arguments> table() {
        return Stream.of(
                // category          chain position  district     → department
                Arguments.of(POWER, WAFER, "青山区", "industry-it"),
                Arguments.of(POWER, POLYSILICON, "青山区", "dev-reform"),
                Arguments.of(POWER, WAFER, "稀土高新区", "rare-earth-park"),
                Arguments.of(POWER, POLYSILICON, "稀土高新区", "rare-earth-energy"),
                Arguments.of(POWER, null, null, "industry-it"),
                Arguments.of(LAND, CELL, "青山区", "qingshan-land"),
                Arguments.of(LAND, CELL, "昆都仑区", "natural-resources"),
                Arguments.of(FINANCE, WAFER, "青山区", "finance-office"),
                // a narrowing condition the enterprise does not meet: no FINANCE rule matches, the default takes it
                Arguments.of(FINANCE, CELL, "青山区", "business-environment"),
                Arguments.of(FINANCE, null, null, "business-environment"),
                Arguments.of(OTHER, WAFER, "青山区", "business-environment"));
    }

    @ParameterizedTest(name = "{0} × {1} × {2} → {3}")
    @MethodSource("table")
    void routesToTheDepartmentOfTheMostSpecificMatchingRule(
            AppealCategory category, IndustryChainPosition chain, String district, String department) {
        assertThat(RoutingPolicy.route(RULES, category, chain, district))
                .map(RoutingRuleView::departmentId)
                .contains(department);
    }

    @Test
    void withoutADefaultRuleAnUnmatchedAppealGoesToTheDispatcher() {
        List<RoutingRuleView> noDefault =
                RULES.stream().filter(rule -> !rule.isDefault()).toList();
        assertThat(RoutingPolicy.route(noDefault, OTHER, WAFER, "青山区")).isEmpty();
        assertThat(RoutingPolicy.route(List.of(), POWER, WAFER, "青山区")).isEmpty();
    }

    @Test
    void ofTwoEquallySpecificRulesTheOlderOneWins() {
        RoutingRuleView older = rule(20, POWER, null, null, "industry-it");
        RoutingRuleView newer = new RoutingRuleView(
                UUID.nameUUIDFromBytes(new byte[] {21}),
                0,
                POWER,
                null,
                null,
                "dev-reform",
                T0.plusSeconds(60),
                null,
                "admin");
        assertThat(RoutingPolicy.route(List.of(newer, older), POWER, WAFER, "青山区"))
                .map(RoutingRuleView::departmentId)
                .contains("industry-it");
    }

    static RoutingRuleView rule(
            int n, AppealCategory category, IndustryChainPosition chain, String district, String department) {
        return new RoutingRuleView(
                UUID.nameUUIDFromBytes(new byte[] {(byte) n}),
                0,
                category,
                chain,
                district,
                department,
                T0,
                null,
                "admin");
    }
}
