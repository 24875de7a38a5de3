package cn.qinqing.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.qinqing.identity");

    @Test
    void featuresDoNotReachIntoTheWiring() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..identity.user..",
                        "..identity.client..",
                        "..identity.admin..",
                        "..identity.key..",
                        "..identity.token..",
                        "..identity.login..",
                        "..identity.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..identity.config..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheDemoData() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..identity.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..identity.demo..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void theSigningKeysAreReachableOnlyAsTheJwkSource() {
        classes()
                .that()
                .resideInAPackage("..identity.key..")
                .should()
                .notBePublic()
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void storageIsJdbcNeverJpaAndNoEventSourcedPlatform() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.persistence..", "org.hibernate..", "org.axonframework..", "cn.qinqing.platform..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
