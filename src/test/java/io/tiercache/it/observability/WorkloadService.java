package io.tiercache.it.observability;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;

/** Cached methods that count how often they really run: the known workload of the observability tests. */
@ApplicationScoped
public class WorkloadService {

    /** The cache whose counters the tests read back. */
    public static final String COUNTED = "observability-counted";
    /** The cache that the tests clear and delete keys from. */
    public static final String SCRATCH = "observability-scratch";

    private final AtomicInteger calls = new AtomicInteger();

    @CacheResult(cacheName = COUNTED)
    public String counted(long id) {
        return id + "#" + calls.incrementAndGet();
    }

    @CacheResult(cacheName = SCRATCH)
    public String scratch(long id) {
        return id + "#" + calls.incrementAndGet();
    }
}
