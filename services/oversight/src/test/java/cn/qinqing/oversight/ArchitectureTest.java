package cn.qinqing.oversight;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
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
            .and()
            .haveNameNotMatching(".*(Queries|Controller)(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.axonframework..",
                    "java.sql..",
                    "cn.qinqing.oversight.web..",
                    "cn.qinqing.oversight.eventlog..",
                    "cn.qinqing.oversight.reading..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyControllersKnowTheWeb = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.oversight..")
            .and()
            .resideOutsideOfPackages("cn.qinqing.oversight.web..", "cn.qinqing.oversight.config..")
            .and()
            .haveSimpleNameNotEndingWith("Controller")
            .and()
            .areNotNestedClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.oversight.web..", "org.springframework.web..", "jakarta.servlet..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOthersControllers = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.oversight..")
            .should()
            .dependOnClassesThat(resideInAPackage("cn.qinqing.oversight..").and(simpleNameEndingWith("Controller")))
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
