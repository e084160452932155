package io.tiercache.cache.l2;

import io.tiercache.cache.codec.AllowlistCodec;
import io.tiercache.cache.codec.RejectedValueException;
import io.tiercache.cache.key.KeyCodec;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.redisson.api.AsyncIterator;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.ByteArrayCodec;

/**
 * L2 of one cache: one Redis string per entry under {@code tiercache:<cache>:<key text>}, written with its TTL
 * ({@code PX}; none for an entry that never expires), holding an {@link L2Envelope}. Every call goes through the
 * manager's {@link RedisGuard} and so either answers within the bound or throws {@link L2UnavailableException}.
 *
 * <p>Values are encoded by the {@link AllowlistCodec} and decoded by it through the {@link EnvelopeCodec} (on
 * Redisson's I/O threads); a stored value that is malformed, names a class outside the allowlist or belongs to an
 * older {@link Generation} is never returned.
 *
 * <p>Thread-safe.
 */
public final class L2Tier {

    private final RedissonClient redisson;
    private final RedisGuard guard;
    private final KeyCodec keys;
    private final AllowlistCodec codec;
    private final Generation generation;
    private final EnvelopeCodec envelopeCodec;
    private final int scanCount;
    private final long scanTimeoutNanos;
    private final InstantSource clock;

    public L2Tier(RedissonClient redisson, RedisGuard guard, KeyCodec keys, AllowlistCodec codec,
                  Generation generation, int scanCount, long scanTimeoutNanos, InstantSource clock) {
        this.redisson = redisson;
        this.guard = guard;
        this.keys = keys;
        this.codec = codec;
        this.generation = generation;
        this.envelopeCodec = new EnvelopeCodec(codec, generation, clock);
        this.clock = clock;
        this.scanCount = scanCount;
        this.scanTimeoutNanos = scanTimeoutNanos;
    }

    public Generation generation() {
        return generation;
    }

    /**
     * The live value of {@code text}, or null when Redis has none of the current generation.
     *
     * @param expired counts values found past their expiry
     * @throws L2UnavailableException when Redis cannot answer within the bound
     * @throws RejectedValueException when the stored value must not be deserialized
     */
    public L2Hit get(String text, Runnable expired) {
        String redisKey = keys.redisKey(text);
        Object read = guard.call(() -> redisson.<Object>getBucket(redisKey, envelopeCodec).getAsync());
        if (read instanceof L2Hit hit) {
            return hit;
        }
        if (read instanceof EnvelopeCodec.Rejected rejected) {
            throw new RejectedValueException("Value of " + redisKey + " rejected: " + rejected.reason(), null);
        }
        if (read == EnvelopeCodec.Absent.EXPIRED) {
            expired.run();
        }
        return null;
    }

    /**
     * Stores {@code value} until wall-clock time {@code expiresAtMillis} ({@code PX} of the time left, at least 1 ms);
     * {@link Long#MAX_VALUE}: with no expiry.
     */
    public void put(String text, Object value, long expiresAtMillis) {
        byte[] stored = L2Envelope.wrap(generation.current(), expiresAtMillis, codec.encode(value));
        String redisKey = keys.redisKey(text);
        if (expiresAtMillis == Long.MAX_VALUE) {
            guard.call(() -> redisson.<byte[]>getBucket(redisKey, ByteArrayCodec.INSTANCE).setAsync(stored));
        } else {
            long ttlMillis = Math.max(1, expiresAtMillis - clock.millis());
            guard.call(() -> redisson.<byte[]>getBucket(redisKey, ByteArrayCodec.INSTANCE)
                    .setAsync(stored, ttlMillis, TimeUnit.MILLISECONDS));
        }
        generation.persistIfNeeded();
    }

    /** Deletes the entries of the given key texts; returns how many existed. */
    public long delete(Collection<String> texts) {
        if (texts.isEmpty()) {
            return 0;
        }
        String[] redisKeys = texts.stream().map(keys::redisKey).toArray(String[]::new);
        Long deleted = guard.call(() -> redisson.getKeys().unlinkAsync(redisKeys));
        return deleted == null ? 0 : deleted;
    }

    /**
     * Deletes the entries whose key text matches Redis glob {@code glob}, with {@code SCAN MATCH} (never
     * {@code KEYS}) in batches of {@code scan-count}, within {@code scan-timeout} in all; every step goes through the
     * guard, so a step waits at most the Redis bound and none is made while the circuit is open.
     */
    public ScanResult deleteMatching(String glob) {
        return scan(glob, (batch, deadline) -> {
            String[] redisKeys = batch.toArray(String[]::new);
            guard.call(() -> redisson.getKeys().unlinkAsync(redisKeys), deadline - System.nanoTime());
        });
    }

    /**
     * The live entries of the cache in Redis by key text: their keys found as {@link #deleteMatching} finds them (on
     * every master of a Redis Cluster), their values read a batch at a time ({@code MGET}), all within
     * {@code scan-timeout}. Values of an older generation, past their expiry or rejected are left out.
     */
    public Entries entries() {
        Map<String, L2Hit> hits = new HashMap<>();
        ScanResult scanned = scan("*", (batch, deadline) -> {
            String[] redisKeys = batch.toArray(String[]::new);
            Map<String, Object> read = guard.call(
                    () -> redisson.getBuckets(envelopeCodec).<Object>getAsync(redisKeys), deadline - System.nanoTime());
            read.forEach((redisKey, value) -> {
                if (value instanceof L2Hit hit) {
                    hits.put(keys.textOf(redisKey), hit);
                }
            });
        });
        return new Entries(hits, scanned.complete());
    }

    /**
     * The key of the entry whose key text is {@code text} ({@link KeyCodec#keyOf}; a serialized key is read through
     * the allowlist).
     *
     * @throws RejectedValueException when the key must not or cannot be deserialized
     * @throws IllegalArgumentException when the text is no key text
     */
    public Object keyOf(String text) {
        return KeyCodec.keyOf(text, bytes -> codec.decode(bytes, 0));
    }

    /** Scans the Redis keys of glob {@code glob}, handing each batch to {@code eachBatch} with the deadline. */
    private ScanResult scan(String glob, BiConsumer<List<String>, Long> eachBatch) {
        long deadline = System.nanoTime() + scanTimeoutNanos;
        Set<String> found = new HashSet<>();
        List<String> batch = new ArrayList<>(scanCount);
        try {
            AsyncIterator<String> keysFound = redisson.getKeys().getKeysAsync(KeysScanOptions.defaults()
                    .pattern(keys.redisPattern(glob)).chunkSize(scanCount));
            while (System.nanoTime() - deadline < 0) {
                if (!Boolean.TRUE.equals(guard.call(keysFound::hasNext, deadline - System.nanoTime()))) {
                    flush(batch, deadline, eachBatch, found);
                    return new ScanResult(found, true);
                }
                batch.add(guard.call(keysFound::next, deadline - System.nanoTime()));
                if (batch.size() >= scanCount) {
                    flush(batch, deadline, eachBatch, found);
                }
            }
            return new ScanResult(found, false);
        } catch (L2UnavailableException e) {
            return new ScanResult(found, false);
        }
    }

    private void flush(List<String> batch, long deadline, BiConsumer<List<String>, Long> eachBatch,
                       Set<String> found) {
        if (batch.isEmpty()) {
            return;
        }
        eachBatch.accept(batch, deadline);
        batch.forEach(k -> found.add(keys.textOf(k)));
        batch.clear();
    }

    /**
     * Outcome of a scan of the cache's keys.
     *
     * @param texts    key texts found (and deleted, by {@link #deleteMatching})
     * @param complete false when the scan was skipped, failed or ran out of time (some entries may remain unseen)
     */
    public record ScanResult(Set<String> texts, boolean complete) {
    }

    /**
     * The live entries found in Redis.
     *
     * @param hits     the value and expiry of each key text found
     * @param complete false when the scan was skipped, failed or ran out of time (some entries may be missing)
     */
    public record Entries(Map<String, L2Hit> hits, boolean complete) {
    }
}
