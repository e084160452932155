package io.tiercache.it.annotations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;

/** A cached method that counts how often it really runs. */
@ApplicationScoped
public class CountingService {

    public static final String CACHE = "annotations-it";

    private final AtomicInteger calls = new AtomicInteger();

    @CacheResult(cacheName = CACHE)
    public String compute(long id) {
        return id + "#" + calls.incrementAndGet();
    }

    public int calls() {
        return calls.get();
    }
}
