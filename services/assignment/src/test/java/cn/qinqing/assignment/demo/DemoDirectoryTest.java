package cn.qinqing.assignment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.assignment.directory.command.AddRoutingRuleCommand;
import cn.qinqing.assignment.directory.command.RegisterDepartmentCommand;
import cn.qinqing.assignment.directory.command.RegisterLeaderCommand;
import cn.qinqing.assignment.directory.command.RegisterOfficialCommand;
import cn.qinqing.assignment.directory.query.RoutingPolicy;
import cn.qinqing.assignment.directory.query.RoutingRuleView;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The local demo directory routes every category, and every name in it refers to an entry it registers. */
class DemoDirectoryTest {

    static final Instant NOW = Instant.parse("2026-11-02T01:00:00Z");
    static final List<Object> COMMANDS = DemoDirectory.commands(NOW);

    static List<RoutingRuleView> rules() {
        return COMMANDS.stream()
                .filter(AddRoutingRuleCommand.class::isInstance)
                .map(AddRoutingRuleCommand.class::cast)
                .map(rule -> new RoutingRuleView(
                        rule.ruleId(),
                        0,
                        rule.conditions().category(),
                        rule.conditions().chainPosition(),
                        rule.conditions().district(),
                        rule.departmentId(),
                        NOW,
                        null,
                        "system:assignment"))
                .toList();
    }

    static Set<String> departments() {
        return COMMANDS.stream()
                .filter(RegisterDepartmentCommand.class::isInstance)
                .map(command -> ((RegisterDepartmentCommand) command).departmentId())
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(AppealCategory.class)
    void everyCategoryOfTheDemoIsRoutedToADepartmentOfTheDirectory(AppealCategory category) {
        var rule = RoutingPolicy.route(rules(), category, IndustryChainPosition.WAFER, "青山区");
        assertThat(rule).isPresent();
        assertThat(departments()).contains(rule.get().departmentId());
    }

    @Test
    void powerGoesToIndustryAndOtherToTheBusinessEnvironmentBureau() {
        assertThat(RoutingPolicy.route(rules(), AppealCategory.POWER, null, null))
                .map(RoutingRuleView::departmentId)
                .contains("industry-it");
        assertThat(RoutingPolicy.route(rules(), AppealCategory.OTHER, null, null))
                .map(RoutingRuleView::departmentId)
                .contains("business-environment");
    }

    @Test
    void everyOfficialAndLeaderBelongsToARegisteredDepartmentAndTheChainEndsAtTheMayor() {
        Set<String> departments = departments();
        COMMANDS.stream()
                .filter(RegisterOfficialCommand.class::isInstance)
                .map(RegisterOfficialCommand.class::cast)
                .forEach(official -> assertThat(departments).contains(official.departmentId()));
        List<RegisterLeaderCommand> leaders = COMMANDS.stream()
                .filter(RegisterLeaderCommand.class::isInstance)
                .map(RegisterLeaderCommand.class::cast)
                .toList();
        assertThat(leaders)
                .extracting(RegisterLeaderCommand::leaderId)
                .containsExactlyInAnyOrder("mayor", "leader", "head-industry-it");
        assertThat(leaders)
                .filteredOn(leader -> leader.superiorLeaderId() == null)
                .extracting(RegisterLeaderCommand::leaderId)
                .containsExactly("mayor");
        assertThat(COMMANDS.stream()
                        .filter(RegisterOfficialCommand.class::isInstance)
                        .map(command -> ((RegisterOfficialCommand) command).officialId()))
                .contains("official", "official-land", "official-business");
    }

    @Test
    void everyPersonHasTheNameOfTheirSignInAccount() {
        assertThat(COMMANDS.stream()
                        .filter(RegisterOfficialCommand.class::isInstance)
                        .map(RegisterOfficialCommand.class::cast))
                .allSatisfy(official ->
                        assertThat(official.name()).isEqualTo(DemoDirectory.NAMES.get(official.officialId())))
                .extracting(RegisterOfficialCommand::name)
                .doesNotContainNull();
        assertThat(COMMANDS.stream()
                        .filter(RegisterLeaderCommand.class::isInstance)
                        .map(RegisterLeaderCommand.class::cast)
                        .filter(leader -> !leader.leaderId().equals("mayor")))
                .extracting(RegisterLeaderCommand::name)
                .containsExactlyInAnyOrder("孙建国", "马志远");
    }
}
