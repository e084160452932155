package io.tiercache.admin;

import java.util.Set;

/**
 * The CDI event that {@code POST /api/cache/warm} fires asynchronously ({@code Event.fireAsync}): whoever knows
 * what is worth loading into the caches observes it with {@code @ObservesAsync} and loads it. The admin API does
 * no loading of its own: it cannot know the hot reads of the application.
 *
 * @param caches the caches to warm; empty for all
 */
public record CacheWarmRequested(Set<String> caches) {

    public CacheWarmRequested {
        caches = Set.copyOf(caches);
    }

    /** Whether cache {@code name} is to be warmed. */
    public boolean includes(String name) {
        return caches.isEmpty() || caches.contains(name);
    }
}
