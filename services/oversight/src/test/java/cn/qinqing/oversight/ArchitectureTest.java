package cn.qinqing.oversight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Oversight reads and never writes: no aggregates, no commands. Its arithmetic (histories, KPIs) is plain Java that
 * knows no framework, the web knows the queries and not the other way round, and no other service's code is used.
 */
@AnalyzeClasses(packages = "cn.qinqing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule oversightSendsNoCommands = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.oversight..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.axonframework.commandhandling..", "org.axonframework.modelling.command..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theArithmeticKnowsNoFramework = noClasses()
            .that()
            .resideInAnyPackage("cn.qinqing.oversight.history..", "cn.qinqing.oversight.kpi..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.axonframework..",
                    "java.sql..",
                    "cn.qinqing.oversight.web..",
                    "cn.qinqing.oversight.query..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyTheWebKnowsTheWeb = noClasses()
            .that()
            .resideInAnyPackage(
                    "cn.qinqing.oversight.facts..",
                    "cn.qinqing.oversight.directory..",
                    "cn.qinqing.oversight.query..",
                    "cn.qinqing.oversight.ranking..",
                    "cn.qinqing.oversight.replay..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.oversight.web..", "org.springframework.web..", "jakarta.servlet..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.oversight..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.identity..",
                    "cn.qinqing.appeals..",
                    "cn.qinqing.assignment..",
                    "cn.qinqing.resolution..",
                    "cn.qinqing.meetings..",
                    "cn.qinqing.portal..")
            .allowEmptyShould(false);
}
