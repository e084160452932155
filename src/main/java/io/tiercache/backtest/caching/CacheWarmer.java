package io.tiercache.backtest.caching;

import io.tiercache.admin.CacheWarmRequested;
import io.tiercache.cache.annotation.CacheManagerSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the hot reads into the view cache {@code tiercache.warm.initial-delay} (default 10 s) after the application
 * starts and then every {@code tiercache.warm.interval}: the strategy list pages {@code tiercache.warm.strategy-pages}
 * ({@code page:size}, comma-separated; default the first page of 20) and the {@code tiercache.warm.recent-backtests}
 * most recent backtests (default 10). Set {@code tiercache.warm.enabled=false} to switch it off.
 *
 * <p>Warming runs on the container's {@link ManagedScheduledExecutorService}, never on the thread that starts the
 * application, so it holds readiness back not at all. It reads through the cached views, so a view already cached
 * is left as it is and a load that an invalidation overtakes is not stored: warming never overwrites a newer value.
 * The first warm-up waits until the server has finished starting the web module: Payara closes and reopens the WAR's
 * jars at the end of that, and a class that another thread loads from them at that moment (a Hazelcast class, on
 * the first put) fails to initialise for the life of the application.
 *
 * <p>Once the application has stopped ({@link CacheManagerSource#stopped()}) warming stops: a run in progress makes no
 * further read, and no run starts again, so warming never asks for the cache engine after undeploy.
 */
@ApplicationScoped
public class CacheWarmer {

    private static final System.Logger LOG = System.getLogger(CacheWarmer.class.getName());

    /** Observer priority later than the default ({@code Interceptor.Priority.APPLICATION + 500}). */
    private static final int AFTER_DEFAULT_OBSERVERS = Interceptor.Priority.APPLICATION + 1000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    HotReads reads;

    @Inject
    CacheManagerSource caches;

    @Inject
    @ConfigProperty(name = "tiercache.warm.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "tiercache.warm.initial-delay", defaultValue = "PT10S")
    Duration initialDelay;

    @Inject
    @ConfigProperty(name = "tiercache.warm.interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "tiercache.warm.strategy-pages", defaultValue = "0:20")
    List<String> strategyPages;

    @Inject
    @ConfigProperty(name = "tiercache.warm.recent-backtests", defaultValue = "10")
    int recentBacktests;

    private volatile ScheduledFuture<?> schedule;

    /**
     * Schedules warming once the application has started, after the observers of the default priority (the demo
     * data among them, loaded on this thread), so that the initial delay counts from when they are done.
     */
    void start(@Observes @Priority(AFTER_DEFAULT_OBSERVERS) @Initialized(ApplicationScoped.class)
            Object applicationStarted) {
        if (enabled) {
            schedule = scheduler.scheduleWithFixedDelay(this::warm, initialDelay.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** Loads every configured hot read that is not cached; a read that fails is logged and skipped. */
    public void warm() {
        warm(cache -> true);
    }

    /** Warms, on request of the cache admin API ({@code POST /api/cache/warm}), the hot reads of the requested caches. */
    void requested(@ObservesAsync CacheWarmRequested request) {
        warm(request::includes);
    }

    private void warm(Predicate<String> cacheIncluded) {
        if (cacheIncluded.test(ViewCache.STRATEGY_LISTS)) {
            for (String page : strategyPages) {
                String[] pageAndSize = page.trim().split(":");
                attempt("strategy page " + page, () -> reads.strategyPage(Integer.parseInt(pageAndSize[0]),
                        Integer.parseInt(pageAndSize[1])));
            }
        }
        if (cacheIncluded.test(ViewCache.BACKTESTS) || cacheIncluded.test(ViewCache.EQUITY)) {
            attempt("recent backtests", () -> reads.recentBacktests(recentBacktests));
        }
    }

    private void attempt(String read, Runnable load) {
        if (caches.stopped()) {
            stop();
            return;
        }
        try {
            load.run();
        } catch (RuntimeException e) {
            if (!caches.stopped()) {
                LOG.log(Level.WARNING, "Cache warming: " + read + " failed", e);
            }
        }
    }
}
