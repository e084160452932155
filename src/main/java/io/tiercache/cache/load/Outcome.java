package io.tiercache.cache.load;

/**
 * What one lookup of a key found, and where: shared by the leader of a {@link Flight} and the callers that joined it,
 * so that each of them counts its get as a hit or a miss of each layer exactly once.
 *
 * @param value  the value, or null when nothing was found or loaded
 * @param source where the value came from
 */
public record Outcome(Object value, Source source) {

    /** Where a lookup found its value. */
    public enum Source {
        /** The Hazelcast layer (near cache or map). */
        L1,
        /** Redis. */
        L2,
        /** Neither layer: the loader computed it. */
        LOADER,
        /** Neither layer, and no loader ran (a plain {@code get} that found nothing). */
        NONE
    }

    /** Whether the value came from a cache layer rather than a loader. */
    public boolean hit() {
        return source == Source.L1 || source == Source.L2;
    }
}
