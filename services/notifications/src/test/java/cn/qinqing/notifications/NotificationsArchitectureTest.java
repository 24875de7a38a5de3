package cn.qinqing.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.qinqing", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationsArchitectureTest {

    @ArchTest
    static final ArchRule theNotificationsServiceImportsNoOtherService = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.notifications..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.appeals..",
                    "cn.qinqing.assignment..",
                    "cn.qinqing.resolution..",
                    "cn.qinqing.meetings..",
                    "cn.qinqing.oversight..",
                    "cn.qinqing.identity..",
                    "cn.qinqing.portal..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule whoIsToldIsDecidedWithoutTheWeb = noClasses()
            .that()
            .resideInAnyPackage("cn.qinqing.notifications.notice..", "cn.qinqing.notifications.people..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.notifications.feed..", "org.springframework.web..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingIsSentInsideTheProcessorsTransaction = noClasses()
            .that()
            .resideInAnyPackage("cn.qinqing.notifications.notice..", "cn.qinqing.notifications.people..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.mail..", "java.net.http..")
            .allowEmptyShould(false);
}
