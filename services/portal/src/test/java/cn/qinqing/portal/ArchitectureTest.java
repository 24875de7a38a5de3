package cn.qinqing.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The portal is a client: pages call services through the API classes only, and nothing here is event-sourced. */
class ArchitectureTest {

    static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.qinqing.portal");

    @Test
    void noPageBuildsItsOwnHttpClientOrTokenHandling() {
        noClasses()
                .that()
                .resideOutsideOfPackages("cn.qinqing.portal.service..", "cn.qinqing.portal.config..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager")
                .allowEmptyShould(false)
                .check(PORTAL);
    }

    @Test
    void controllersCallServicesOnlyThroughTheApiClasses() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Pages")
                .or()
                .haveSimpleNameEndingWith("Actions")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.web.client.RestClient")
                .allowEmptyShould(false)
                .check(PORTAL);
    }

    @Test
    void thePortalIsNotEventSourcedAndUsesNoServiceCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.axonframework..",
                        "cn.qinqing.platform..",
                        "cn.qinqing.appeals..",
                        "cn.qinqing.assignment..",
                        "cn.qinqing.resolution..",
                        "cn.qinqing.meetings..",
                        "cn.qinqing.oversight..")
                .allowEmptyShould(false)
                .check(PORTAL);
    }
}
