package vn.motcua.infra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** devstack-runner ships this module: no test library may creep into it. */
class LocalInfraModuleTest {

    /** This module's main classes. */
    private static final JavaClasses LAUNCHERS = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theLaunchersUseNoTestLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.testcontainers..",
                        "io.restassured..", "com.tngtech.archunit..", "org.assertj..", "org.awaitility..",
                        "io.quarkus.test..", "vn.motcua.testkit..")
                .as("local-infra uses no test library").check(LAUNCHERS);
    }
}
