package io.tiercache.cache;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's inner shape: its packages form no cycle, and its public API ({@code io.tiercache.cache}) imports no
 * internal package. How the rest of the code may use the engine, and that the engine imports nothing of it, is
 * {@link io.tiercache.ArchitectureTest}'s.
 */
class EngineArchitectureTest {

    private static final String[] INTERNAL = {"io.tiercache.cache.clock..", "io.tiercache.cache.cluster..",
        "io.tiercache.cache.codec..", "io.tiercache.cache.config..", "io.tiercache.cache.event..",
        "io.tiercache.cache.jcache..",
        "io.tiercache.cache.key..", "io.tiercache.cache.l1..", "io.tiercache.cache.l2..", "io.tiercache.cache.load..",
        "io.tiercache.cache.management..", "io.tiercache.cache.spi..", "io.tiercache.cache.stats..",
        "io.tiercache.cache.store.."};

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tiercache");
    }

    @Test
    void enginePackagesFormNoCycle() {
        slices().matching("io.tiercache.cache.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePublicApiImportsNoInternalPackage() {
        noClasses().that().resideInAPackage("io.tiercache.cache")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL)
                .check(classes);
    }
}
