package dev.ssokit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency directions of design.md, held by the build: steps -> checks / client API / world API -> model. */
class ArchitectureTest {
    private static JavaClasses kit;

    @BeforeAll
    static void importKit() {
        kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ssokit");
    }

    @Test
    void stepsDriveTheClientAndTheWorldOnlyThroughTheirApis() {
        noClasses().that().resideInAPackage("dev.ssokit.conformance.steps..")
                .should().dependOnClassesThat().resideInAnyPackage("org.htmlunit..", "com.github.tomakehurst.wiremock..",
                        "io.restassured..", "dev.ssokit.client.browser..", "dev.ssokit.world.stubs..")
                .check(kit);
    }

    @Test
    void checksJudgeFromEvidenceNotFromClientInternals() {
        noClasses().that().resideInAPackage("dev.ssokit.conformance.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("org.htmlunit..", "com.github.tomakehurst.wiremock..",
                        "io.restassured..", "dev.ssokit.client.browser..", "io.cucumber..")
                .check(kit);
    }

    @Test
    void theClientKnowsNothingOfTheTestFrameworkOrTheStubWorld() {
        noClasses().that().resideInAPackage("dev.ssokit.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cucumber..", "org.junit..",
                        "dev.ssokit.conformance..", "dev.ssokit.world..", "com.github.tomakehurst.wiremock..")
                .check(kit);
    }

    @Test
    void theCookieEngineIsPlainJava() {
        noClasses().that().resideInAPackage("dev.ssokit.client.cookies..")
                .should().dependOnClassesThat().resideInAnyPackage("org.htmlunit..", "org.apache.http..",
                        "dev.ssokit.client.browser..")
                .check(kit);
    }

    @Test
    void theStubWorldKnowsNothingOfClientsOrConformance() {
        noClasses().that().resideInAPackage("dev.ssokit.world..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ssokit.client..", "dev.ssokit.conformance..",
                        "org.htmlunit..", "io.cucumber..")
                .check(kit);
    }

    @Test
    void onlyTheConfigClassReadsSettingsFromPropertiesOrEnvironment() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.ssokit.conformance.KitConfig")
                .and().doNotHaveFullyQualifiedName("dev.ssokit.report.Versions")
                .should().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .check(kit);
    }
}
