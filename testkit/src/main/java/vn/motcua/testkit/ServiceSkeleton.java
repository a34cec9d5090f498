package vn.motcua.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one package skeleton of every service (docs/where-things-live.md), checked on its compiled main classes:
 * <ul>
 *   <li>{@code api} resources, their request and answer records, filters; {@code app} use cases that hold a
 *       transaction or a lock together; {@code domain} pure rules and records; {@code store} persistence;
 *       {@code messaging} the Kafka edge; {@code config} typed settings;</li>
 *   <li>every class sits in one of them; the domain uses no framework; no package cycles; edges point inwards:
 *       nothing calls {@code api} or {@code messaging} (CDI wires them), only the edges call {@code app},
 *       {@code messaging} reaches storage only through {@code app}, and {@code config} needs nothing but
 *       {@code domain}.</li>
 * </ul>
 */
public final class ServiceSkeleton {

    public static final List<String> ROLES = List.of("api", "app", "domain", "store", "messaging", "config");

    private static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "org.hibernate..", "com.mongodb..",
            "org.bson..", "org.apache.kafka..", "io.vertx..", "io.smallrye..", "org.eclipse.microprofile..",
            "io.agroal..", "io.micrometer..", "org.jboss.."};

    private ServiceSkeleton() {
    }

    /** Fails with every violation listed, for the service whose classes live under {@code basePackage}. */
    public static void check(String basePackage) {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : rules(basePackage)) {
            rule.check(main);
        }
    }

    static List<ArchRule> rules(String base) {
        return List.of(
                classes().should().resideInAnyPackage(ROLES.stream().map(role -> base + "." + role + "..")
                        .toArray(String[]::new)).as("every class of " + base + " sits in one of " + ROLES),
                noClasses().that().resideInAPackage(base + ".domain..")
                        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                        .as("the domain of " + base + " uses no framework"),
                slices().matching(base + ".(**)").should().beFreeOfCycles()
                        .as("the packages of " + base + " have no cycles"),
                layeredArchitecture().consideringOnlyDependenciesInLayers()
                        .layer("api").definedBy(base + ".api..")
                        .layer("app").definedBy(base + ".app..")
                        .layer("domain").definedBy(base + ".domain..")
                        .layer("store").definedBy(base + ".store..")
                        .layer("messaging").definedBy(base + ".messaging..")
                        .layer("config").definedBy(base + ".config..")
                        .whereLayer("api").mayNotBeAccessedByAnyLayer()
                        .whereLayer("app").mayOnlyBeAccessedByLayers("api", "messaging")
                        .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                        .whereLayer("store").mayOnlyBeAccessedByLayers("app", "api")
                        .whereLayer("domain").mayNotAccessAnyLayer()
                        .whereLayer("config").mayOnlyAccessLayers("domain")
                        .withOptionalLayers(true)
                        .as("the edges of " + base + " point inwards"));
    }
}
