package cn.qinqing.assignment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.qinqing.assignment");

    @Test
    void aggregatesDecideWithoutReadModelsOrTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("..assignment.*.command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..assignment.*.query..", "..assignment.*.web..", "..assignment.*.reaction..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void readModelsDoNotSendCommandsOrServeHttp() {
        noClasses()
                .that()
                .resideInAPackage("..assignment.*.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..assignment.*.command..",
                        "..assignment.*.web..",
                        "..assignment.*.reaction..",
                        "org.axonframework.commandhandling..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void featuresDoNotReachIntoTheWiringOrTheDemoData() {
        noClasses()
                .that()
                .resideInAnyPackage("..assignment.dispatch..", "..assignment.directory..", "..assignment.calendar..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..assignment.config..", "..assignment.demo..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void noOtherServiceIsImportedOnlyThePublishedLanguageAndThePlatform() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "cn.qinqing.appeals..",
                        "cn.qinqing.identity..",
                        "cn.qinqing.resolution..",
                        "cn.qinqing.meetings..",
                        "cn.qinqing.oversight..",
                        "cn.qinqing.portal..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void storageIsJdbcNeverJpa() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
