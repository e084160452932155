package io.tiercache.cache.l1;

import com.hazelcast.client.map.impl.nearcache.NearCachedClientMapProxy;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.internal.nearcache.impl.DefaultNearCache;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import com.hazelcast.map.impl.proxy.NearCachedMapProxyImpl;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.query.Predicates;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import io.tiercache.cache.config.CacheSettings;
import io.tiercache.cache.key.KeyCodec;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * L1 of one cache: a Hazelcast {@link IMap} named {@code tiercache.<cache>} whose keys are key texts and whose
 * values are {@link L1Entry}s, read through a near cache.
 *
 * <p>Map: binary in-memory format, per-member size limit (entries, or heap for a cache bounded by memory) with the
 * configured eviction policy, per-entry TTL, and
 * {@code DiscardMergePolicy}: after a split brain the entries of the smaller side are dropped, never merged back
 * (they may predate writes the larger side made meanwhile, and L1 is only a cache).
 * Near cache: {@code OBJECT} format (a hit returns the cached instance without deserializing), or {@code BINARY} for
 * a cache bounded by memory (so that Hazelcast counts its cost; every hit deserializes), local entries cached
 * too on a member ({@code cache-local-entries}; a client has none), invalidated on change. Hazelcast's near-cache
 * invalidation reaches other members asynchronously; the engine makes writes visible everywhere before they return
 * by calling {@link #invalidateNearCache(Collection)} on every member itself (this uses the near-cache handle of
 * Hazelcast's member and client map proxies, an internal API stable since 4.0).
 *
 * <p>Thread-safe: the state is in Hazelcast, but for the bound by memory's eviction, which one thread at a time runs.
 */
public final class L1Tier {

    private final IMap<String, L1Entry> map;
    private final boolean client;
    private final NearCache<Object, Object> nearCache;
    private final KeyCodec keys;
    /** The bound by memory in bytes; 0: none. */
    private final long maxHeapBytes;
    /** Held by the one thread that evicts from the near cache for the bound by memory. */
    private final ReentrantLock evicting = new ReentrantLock();

    private L1Tier(IMap<String, L1Entry> map, boolean client, NearCache<Object, Object> nearCache, KeyCodec keys,
                   long maxHeapBytes) {
        this.map = map;
        this.client = client;
        this.nearCache = nearCache;
        this.keys = keys;
        this.maxHeapBytes = maxHeapBytes;
    }

    /**
     * Configures (dynamically, identically on every member) and opens the map of cache {@code cacheName}, counting
     * evictions and expirations of the entries this member owns into the given adders.
     */
    public static L1Tier open(HazelcastInstance hazelcast, boolean client, String cacheName, CacheSettings settings,
                              int backupCount, LongAdder evictions, LongAdder expirations) {
        String mapName = mapName(cacheName);
        EvictionPolicy policy = EvictionPolicy.valueOf(settings.l1Eviction());
        boolean byMemory = settings.l1MaxHeapMb() > 0;
        NearCacheConfig nearCacheConfig = new NearCacheConfig(mapName)
                .setInMemoryFormat(byMemory ? InMemoryFormat.BINARY : InMemoryFormat.OBJECT)
                .setCacheLocalEntries(!client)
                .setInvalidateOnChange(true)
                .setSerializeKeys(false)
                .setTimeToLiveSeconds((int) Math.max(1, Math.min(Integer.MAX_VALUE,
                        (settings.l1Ttl().toMillis() + 999) / 1000)))
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(policy == EvictionPolicy.NONE ? EvictionPolicy.LRU : policy)
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                        .setSize(settings.l1MaxEntries()));
        MapConfig mapConfig = new MapConfig(mapName)
                .setInMemoryFormat(InMemoryFormat.BINARY)
                .setBackupCount(backupCount)
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(policy)
                        .setMaxSizePolicy(byMemory ? MaxSizePolicy.USED_HEAP_SIZE : MaxSizePolicy.PER_NODE)
                        .setSize(byMemory ? settings.l1MaxHeapMb() : settings.l1MaxEntries()))
                .setMergePolicyConfig(new MergePolicyConfig().setPolicy(DiscardMergePolicy.class.getName()));
        if (client) {
            ((com.hazelcast.client.impl.clientside.HazelcastClientProxy) hazelcast).getClientConfig()
                    .addNearCacheConfig(nearCacheConfig);
        } else {
            mapConfig.setNearCacheConfig(nearCacheConfig);
        }
        hazelcast.getConfig().addMapConfig(mapConfig);
        IMap<String, L1Entry> map = hazelcast.getMap(mapName);
        if (!client) {
            map.addLocalEntryListener(new Counter(evictions, expirations));
        }
        NearCache<Object, Object> nearCache = null;
        if (map instanceof NearCachedMapProxyImpl<?, ?> memberProxy) {
            nearCache = memberProxy.getNearCache();
        } else if (map instanceof NearCachedClientMapProxy<?, ?> clientProxy) {
            nearCache = clientProxy.getNearCache();
        }
        return new L1Tier(map, client, nearCache, new KeyCodec(cacheName),
                byMemory ? settings.l1MaxHeapMb() * 1024L * 1024L : 0);
    }

    /**
     * The name of the Hazelcast map that holds cache {@code cacheName}: {@code tiercache.<cache>}, distinct for every
     * cache name and from the engine's own maps ({@code tiercache-meta.*}).
     */
    public static String mapName(String cacheName) {
        return "tiercache." + cacheName;
    }

    /**
     * The entry of {@code text}: from the near cache when it holds it (read directly, without the map proxy's layers:
     * a hit is most of a cached read's cost), else from the map (which fills the near cache). Bound by memory, through
     * the map proxy (which deserializes the near cache's copy), evicting from the near cache when this read filled it
     * past the bound.
     */
    public L1Entry get(String text) {
        if (maxHeapBytes > 0 && nearCache != null) {
            long before = nearCache.getNearCacheStats().getOwnedEntryMemoryCost();
            L1Entry entry = map.get(text);
            if (nearCache.getNearCacheStats().getOwnedEntryMemoryCost() > before) {
                keepWithinMemoryBound();
            }
            return entry;
        }
        if (nearCache != null && nearCache.get(text) instanceof L1Entry cached) {
            return cached;
        }
        return map.get(text);
    }

    /**
     * Evicts near-cache entries (Hazelcast's sampling eviction with the cache's policy) while the cost of this
     * member's near cache plus that of the map entries it holds exceeds the bound by memory; empties the near cache
     * when the map alone is at the bound. Called only when a read filled the near cache; one thread evicts at a time
     * and the others go on meanwhile (the evicting one brings the sum back). Computes the member's map statistics
     * (a sum over its partitions).
     */
    private void keepWithinMemoryBound() {
        if (!evicting.tryLock()) {
            return;
        }
        try {
            long room = maxHeapBytes - mapCost();
            if (room <= 0 || !(nearCache instanceof DefaultNearCache<Object, Object> store)) {
                if (nearCache.getNearCacheStats().getOwnedEntryMemoryCost() > Math.max(0, room)) {
                    nearCache.clear();
                }
                return;
            }
            while (nearCache.size() > 0 && nearCache.getNearCacheStats().getOwnedEntryMemoryCost() > room) {
                store.getNearCacheRecordStore().doEviction(true);
            }
        } finally {
            evicting.unlock();
        }
    }

    /** The cost of the map entries this member holds (owned and backups; 0 on a client). */
    private long mapCost() {
        if (client) {
            return 0;
        }
        LocalMapStats stats = map.getLocalMapStats();
        return stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost();
    }

    public void set(String text, L1Entry entry, long ttlMillis) {
        map.set(text, entry, hazelcastTtl(ttlMillis), TimeUnit.SECONDS);
    }

    /** Stores {@code entry} asynchronously; completes when the key's owner (and its backups) have it. */
    public CompletionStage<Void> setAsync(String text, L1Entry entry, long ttlMillis) {
        return map.setAsync(text, entry, hazelcastTtl(ttlMillis), TimeUnit.SECONDS);
    }

    /** Removes the entry asynchronously; completes with the entry removed, or null when there was none. */
    public CompletionStage<L1Entry> removeAsync(String text) {
        return map.removeAsync(text);
    }

    /**
     * Hazelcast keeps entry TTLs in whole seconds, counted from the second the entry was written in (a shorter one
     * expires the entry at once), so its TTL is rounded up and one second added: Hazelcast never lets an entry lapse
     * before its expiry, the exact one in {@link L1Entry}, checked on every read. A life of {@link L1Entry#NEVER} is no
     * TTL ({@code 0}).
     */
    private static long hazelcastTtl(long ttlMillis) {
        return ttlMillis == L1Entry.NEVER ? 0 : (ttlMillis + 999) / 1000 + 1;
    }

    /**
     * Calls {@code lapsed} (on a Hazelcast event thread) with each entry of this map that this member owns when
     * Hazelcast lets it lapse at its TTL; returns what stops it. A client owns no entries: nothing is called there.
     */
    public Runnable onLapse(Consumer<L1Entry> lapsed) {
        if (client) {
            return () -> { };
        }
        UUID registration = map.addLocalEntryListener(
                (EntryExpiredListener<String, L1Entry>) event -> lapsed.accept(event.getOldValue()),
                Predicates.alwaysTrue(), true);
        return () -> map.removeEntryListener(registration);
    }

    /** Removes the entry of {@code text} if it is {@code entry} still; returns whether it did. */
    public boolean removeIfSame(String text, L1Entry entry) {
        return map.remove(text, entry);
    }

    /**
     * Removes {@code texts} (null: every entry) from the map and this member's near cache, without blocking the
     * caller: single keys asynchronously, a whole clear on {@code executor}.
     */
    public CompletableFuture<Void> removeAllAsync(Set<String> texts, Executor executor) {
        if (texts == null) {
            return CompletableFuture.runAsync(() -> {
                map.clear();
                invalidateNearCache(null);
            }, executor);
        }
        return CompletableFuture.allOf(texts.stream().map(text -> map.removeAsync(text).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).thenRun(() -> invalidateNearCache(texts));
    }

    /** Removes the entry; returns it, or null when there was none. */
    public L1Entry remove(String text) {
        return map.remove(text);
    }

    /**
     * Removes the entries that {@code SCAN MATCH} of Redis glob {@code glob} would select in L2 (see
     * {@link KeyCodec#selects}); returns the key texts of those that were live at {@code nowMillis} (not past their
     * expiry, which Hazelcast's TTL may outlast by up to two seconds). The entries are selected here, so the members of
     * an external cluster need none of the engine's classes.
     */
    public Set<String> removeMatching(String glob, long nowMillis) {
        Predicate<String> selected = keys.selects(glob);
        Set<String> texts = new HashSet<>();
        Set<String> live = new HashSet<>();
        for (Map.Entry<String, L1Entry> entry : map.entrySet()) {
            if (selected.test(entry.getKey())) {
                texts.add(entry.getKey());
                if (entry.getValue().liveAt(nowMillis)) {
                    live.add(entry.getKey());
                }
            }
        }
        if (!texts.isEmpty()) {
            map.removeAll(Predicates.in("__key", texts.toArray(String[]::new)));
        }
        return live;
    }

    public Set<Map.Entry<String, L1Entry>> entries() {
        return map.entrySet();
    }

    /** The entries of the map this member owns (not its near-cache copies); empty on a client, which owns none. */
    public OptionalLong ownedEntries() {
        return client ? OptionalLong.empty() : OptionalLong.of(map.getLocalMapStats().getOwnedEntryCount());
    }

    /** Removes every entry of the map. */
    public void clear() {
        map.clear();
    }

    /** Drops the given keys from this member's near cache (null: all of them). */
    public void invalidateNearCache(Collection<String> texts) {
        if (nearCache == null) {
            return;
        }
        if (texts == null) {
            nearCache.clear();
        } else {
            texts.forEach(nearCache::invalidate);
        }
    }

    private static final class Counter implements EntryEvictedListener<String, L1Entry>,
            EntryExpiredListener<String, L1Entry> {

        private final LongAdder evictions;
        private final LongAdder expirations;

        Counter(LongAdder evictions, LongAdder expirations) {
            this.evictions = evictions;
            this.expirations = expirations;
        }

        @Override
        public void entryEvicted(com.hazelcast.core.EntryEvent<String, L1Entry> event) {
            evictions.increment();
        }

        @Override
        public void entryExpired(com.hazelcast.core.EntryEvent<String, L1Entry> event) {
            expirations.increment();
        }
    }
}
