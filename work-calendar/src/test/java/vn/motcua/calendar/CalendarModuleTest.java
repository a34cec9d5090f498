package vn.motcua.calendar;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The calendar is the suite's legal arithmetic: plain Java and ICU4J, usable from any domain. */
class CalendarModuleTest {

    /** This module's main classes. */
    private static final JavaClasses CALENDAR = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theCalendarUsesNoFramework() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.ibm.icu..",
                        "vn.motcua.calendar..")
                .as("work-calendar depends on Java and ICU4J only").check(CALENDAR);
    }
}
