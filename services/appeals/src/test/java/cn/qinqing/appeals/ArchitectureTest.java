package cn.qinqing.appeals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The appeals service keeps its sides apart and knows no other service's code. */
@AnalyzeClasses(packages = "cn.qinqing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule aggregatesDoNotKnowTheWeb = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.appeals..command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.appeals..web..", "cn.qinqing.appeals..query..", "org.springframework.web..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule readModelsDoNotSendCommands = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.appeals..query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.appeals..command..", "org.axonframework.commandhandling.gateway..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.appeals..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.identity..",
                    "cn.qinqing.assignment..",
                    "cn.qinqing.resolution..",
                    "cn.qinqing.meetings..",
                    "cn.qinqing.oversight..",
                    "cn.qinqing.portal..")
            .allowEmptyShould(false);
}
