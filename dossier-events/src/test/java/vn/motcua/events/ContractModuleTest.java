package vn.motcua.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The event contract is read by every service and by tools: plain Java, Jackson and the calendar, nothing else. */
class ContractModuleTest {

    /** This module's main classes. */
    private static final JavaClasses CONTRACT = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theContractNeedsNoRuntime() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        "vn.motcua.events..", "vn.motcua.calendar..")
                .as("the event contract depends on Java, Jackson and the calendar only (no Quarkus, no Kafka client)")
                .check(CONTRACT);
    }
}
