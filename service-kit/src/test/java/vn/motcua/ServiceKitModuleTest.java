package vn.motcua;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The runtime every service shares: its parts stay apart, and the unit tree stays pure for the services' domains. */
class ServiceKitModuleTest {

    /** This module's main classes. */
    private static final JavaClasses KIT = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void thePartsHaveNoCycles() {
        slices().matching("vn.motcua.(*)..").should().beFreeOfCycles().check(KIT);
    }

    @Test
    void theUnitTreeIsPlainJava() {
        classes().that().resideInAPackage("vn.motcua.units..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "vn.motcua.units..")
                .as("the unit tree is plain Java, so a service's domain may hold one").check(KIT);
    }

    @Test
    void theHttpSideNeedsNoKafka() {
        noClasses().that().resideInAnyPackage("vn.motcua.api..", "vn.motcua.security..", "vn.motcua.units..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.kafka..", "org.apache.kafka..")
                .as("problem+json, callers and the unit tree do not need Kafka").check(KIT);
    }
}
