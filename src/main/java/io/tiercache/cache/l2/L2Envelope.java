package io.tiercache.cache.l2;

import java.nio.ByteBuffer;

/**
 * Layout of a value in Redis: one format byte ({@code 1}), the cache generation the entry was written under (8 bytes,
 * big-endian), the wall-clock expiry in epoch milliseconds (8 bytes), then the serialized value. The expiry lets an
 * L2 hit be promoted into L1 for no longer than it has left without asking Redis for its TTL.
 */
public final class L2Envelope {

    public static final int HEADER = 17;
    static final byte FORMAT = 1;

    private L2Envelope() {
    }

    public static byte[] wrap(long generation, long expiresAtMillis, byte[] payload) {
        return ByteBuffer.allocate(HEADER + payload.length).put(FORMAT).putLong(generation)
                .putLong(expiresAtMillis).put(payload).array();
    }

    /** The generation as the 8 bytes the Lua scripts compare with {@code string.sub(value, 2, 9)}. */
    public static byte[] generationBytes(long generation) {
        return ByteBuffer.allocate(8).putLong(generation).array();
    }
}
