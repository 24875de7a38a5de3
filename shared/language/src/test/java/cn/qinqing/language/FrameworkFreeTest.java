package cn.qinqing.language;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

/**
 * The published language is read by every service: records and value types, no framework. Axon's {@code @Revision}
 * and Jackson (for the calendar files) are the only libraries it may name.
 */
@AnalyzeClasses(packages = "cn.qinqing.language", importOptions = ImportOption.DoNotIncludeTests.class)
class FrameworkFreeTest {

    @ArchTest
    static final ArchRule thePublishedLanguageStaysFreeOfFrameworks = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.language..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "jakarta.validation..",
                    "org.hibernate..",
                    "cn.qinqing.platform..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule thePublishedLanguageKnowsNoService = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.language..")
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
    static final ArchRule ofAxonOnlyTheRevisionIsUsed = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.language..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.axonframework..").and(not(equivalentTo(Revision.class))))
            .allowEmptyShould(false);
}
