package io.tiercache;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tiercache.cache.annotation.CacheManagerSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the WAR (see {@code docs/architecture.md}): the generic ones (the cache engine
 * {@code io.tiercache.cache}, {@code http}, {@code problem}, {@code json}, {@code observability}, {@code admin},
 * {@code openapi}) and the one application ({@code io.tiercache.backtest}), whose domain knows nothing of how it is
 * served or cached; inside the engine, no cycle and an API that names no internal package; one logging API.
 * Checked on the main classes only.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tiercache");
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("io.tiercache.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theApplicationsPackagesFormNoCycle() {
        slices().matching("io.tiercache.backtest.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEnginesPackagesFormNoCycle() {
        slices().matching("io.tiercache.cache.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Neither the application nor {@code http}, {@code admin}, {@code observability} or any other layer. */
    @Test
    void theEngineImportsNothingOutsideItself() {
        noClasses().that().resideInAPackage("io.tiercache.cache..")
                .should().dependOnClassesThat(resideInAPackage("io.tiercache..")
                        .and(resideOutsideOfPackage("io.tiercache.cache..")))
                .check(classes);
    }

    /**
     * Outside the engine, only its public API ({@code io.tiercache.cache}) and the bean that hands out its
     * {@code CacheManager} ({@link CacheManagerSource}); the rest of the CDI integration works through the
     * standard {@code javax.cache.annotation} annotations.
     */
    @Test
    void engineInternalsAreUsedOnlyInsideTheEngine() {
        noClasses().that().resideOutsideOfPackage("io.tiercache.cache..")
                .should().dependOnClassesThat(resideInAPackage("io.tiercache.cache..")
                        .and(not(resideInAPackage("io.tiercache.cache")))
                        .and(not(equivalentTo(CacheManagerSource.class))))
                .check(classes);
    }

    /** The API is what the rest may use, so it names nothing else of the engine. */
    @Test
    void theEnginesApiImportsNoInternalPackage() {
        noClasses().that().resideInAPackage("io.tiercache.cache")
                .should().dependOnClassesThat(resideInAPackage("io.tiercache.cache..")
                        .and(not(resideInAPackage("io.tiercache.cache"))))
                .check(classes);
    }

    /** The entities, services and simulation: no API, views, caching, HTTP or cache engine. */
    @Test
    void theDomainImportsNothingOfTheLayersAboveIt() {
        noClasses().that().resideInAnyPackage("io.tiercache.backtest.domain..", "io.tiercache.backtest.simulation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tiercache.backtest.api..",
                        "io.tiercache.backtest.view..", "io.tiercache.backtest.caching..",
                        "io.tiercache.backtest.data..", "io.tiercache.cache..", "io.tiercache.http..",
                        "io.tiercache.problem..", "io.tiercache.json..", "io.tiercache.admin..",
                        "io.tiercache.observability..", "jakarta.ws.rs..", "javax.cache..")
                .check(classes);
    }

    /**
     * One logging API: {@code System.Logger}, which reaches the server's logging through the platform's
     * {@code LoggerFinder} (on Payara and WildFly, {@code java.util.logging}). No main class needs
     * {@code java.util.logging} itself, so there is no exception.
     */
    @Test
    void everyClassLogsThroughSystemLogger() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..").check(classes);
    }

    /** The generic layers serve any application: none of them imports {@code io.tiercache.backtest}. */
    @Test
    void theGenericLayersImportNothingOfTheApplication() {
        noClasses().that().resideOutsideOfPackage("io.tiercache.backtest..")
                .should().dependOnClassesThat().resideInAPackage("io.tiercache.backtest..")
                .check(classes);
    }
}
