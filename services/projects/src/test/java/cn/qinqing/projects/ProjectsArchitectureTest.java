package cn.qinqing.projects;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.qinqing", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectsArchitectureTest {

    @ArchTest
    static final ArchRule projectsPostsAndMatchesDecideWithoutKnowingTheWebOrTheReadModel = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.projects..command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.projects..web..", "cn.qinqing.projects..query..", "org.springframework.web..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule readModelsDoNotSendCommands = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.projects..query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.projects..command..", "org.axonframework.commandhandling..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theChainViewOnlyReads = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.projects.chain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.qinqing.projects..command..",
                    "cn.qinqing.projects.market..",
                    "org.axonframework.commandhandling..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theProjectsServiceImportsNoOtherService = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.projects..")
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
    static final ArchRule theDemoDataGoesThroughTheCommandsNotTheWebOrTheReadModel = noClasses()
            .that()
            .resideInAPackage("cn.qinqing.projects.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.qinqing.projects..web..", "cn.qinqing.projects..query..")
            .allowEmptyShould(false);
}
