package cn.qinqing.resolution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The resolution service keeps its sides apart and knows no other service's code. */
@AnalyzeClasses(packages = "cn.qinqing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule caseFilesDoNotKnowTheWebNorTheReadModels = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.resolution..command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.resolution..web..", "cn.qinqing.resolution..query..", "org.springframework.web..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule readModelsDoNotSendCommands = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.resolution..query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.resolution..command..", "org.axonframework.commandhandling.gateway..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theSlaRulesDoNotDependOnTheCalendarsStorage = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.resolution.casefile..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.resolution.calendar..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.resolution..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.identity..",
                    "cn.qinqing.appeals..",
                    "cn.qinqing.assignment..",
                    "cn.qinqing.meetings..",
                    "cn.qinqing.oversight..",
                    "cn.qinqing.portal..")
            .allowEmptyShould(false);
}
