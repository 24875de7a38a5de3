package cn.qinqing.meetings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.qinqing", importOptions = ImportOption.DoNotIncludeTests.class)
class MeetingsArchitectureTest {

    @ArchTest
    static final ArchRule theMeetingDecidesWithoutKnowingTheWebOrTheReadModel = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.meetings.meeting.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.meetings..web..", "cn.qinqing.meetings..query..", "org.springframework.web..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule readModelsDoNotSendCommands = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.meetings..query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.meetings..command..", "org.axonframework.commandhandling..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theMeetingsServiceImportsNoOtherService = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.meetings..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.appeals..",
                    "cn.qinqing.assignment..",
                    "cn.qinqing.resolution..",
                    "cn.qinqing.oversight..",
                    "cn.qinqing.identity..",
                    "cn.qinqing.portal..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyReactionsAndTheWebSendCommands = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.meetings.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.commandhandling..")
            .allowEmptyShould(false);
}
