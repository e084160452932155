package io.tiercache.cache.cluster;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The engines that run as Hazelcast clients of one external cluster, as this client sees them. Each client keeps an
 * entry of its own (its id) in the map {@value #MAP} with a heartbeat every quarter of the registration TTL; the
 * entry lives for one TTL, and the others count a client as live while they saw its entry added or updated less than
 * one TTL ago (on their own monotonic clocks, from the map's entry events).
 *
 * <p>A client whose heartbeats stop (it was killed, paused or cut off) drops out of the others' view after one TTL,
 * so they stop waiting for it. It may then have missed invalidations, so it must not trust its near cache: its
 * registration counts as <em>lapsed</em> when a heartbeat is not confirmed within half a TTL of the previous one
 * (heartbeat and entry event then had at most half a TTL to reach the others), or finds its entry gone. The lapse is
 * reported to the listener given to {@link #onLapse}, once per lapse, and {@link #registeredSince} tells since when
 * the registration has stood again.
 *
 * <p>Thread-safe. Heartbeats run on a daemon thread of their own, entry events on Hazelcast's event threads.
 */
final class ClientRegistry implements AutoCloseable {

    static final String MAP = "tiercache-meta.clients";
    private static final System.Logger LOG = System.getLogger(ClientRegistry.class.getName());

    private final IMap<String, Long> map;
    private final String self;
    private final long ttlNanos;
    private final long ttlMillis;
    /** When a heartbeat of each other client was last seen, in {@link System#nanoTime()}. */
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final UUID listener;
    private final ScheduledExecutorService heartbeats;
    private volatile Runnable lapseListener = () -> { };
    /** Start of the latest heartbeat confirmed in time ({@link System#nanoTime()}). Guarded by this. */
    private long lastConfirmed;
    /** Start of the first heartbeat of the current unbroken run. Guarded by this; meaningless while lapsed. */
    private long standingSince;
    /** Whether the registration has lapsed and no heartbeat has been confirmed since. Guarded by this. */
    private boolean lapsed;

    /**
     * Registers client {@code self} in {@code map} (blocking, so that it counts before its first write) and starts
     * its heartbeats.
     */
    ClientRegistry(IMap<String, Long> map, String self, Duration ttl, String threadName) {
        this.map = map;
        this.self = self;
        this.ttlNanos = ttl.toNanos();
        this.ttlMillis = Math.max(1, ttl.toMillis());
        this.listener = map.addEntryListener(new Listener(), false);
        long now = System.nanoTime();
        map.keySet().forEach(client -> seen(client, now));
        long start = System.nanoTime();
        map.put(self, System.currentTimeMillis(), ttlMillis, TimeUnit.MILLISECONDS);
        lastConfirmed = start;
        standingSince = start;
        heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, ttlNanos / 4);
        heartbeats.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** Tells {@code listener} of each lapse of this client's registration, on whichever thread notices it. */
    void onLapse(Runnable listener) {
        this.lapseListener = listener;
    }

    /** The other clients seen alive within the last TTL. */
    Set<String> live() {
        long now = System.nanoTime();
        return lastSeen.entrySet().stream().filter(seen -> now - seen.getValue() < ttlNanos)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The {@link System#nanoTime()} since which this client's registration has stood without a lapse (its latest
     * heartbeat confirmed less than half a TTL ago), or empty while it has lapsed.
     */
    synchronized OptionalLong registeredSince() {
        if (lapsed || System.nanoTime() - lastConfirmed > ttlNanos / 2) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(standingSince);
    }

    private void beat() {
        long start = System.nanoTime();
        synchronized (this) {
            if (!lapsed && start - lastConfirmed > ttlNanos / 2) {
                lapse("no heartbeat was confirmed for " + (start - lastConfirmed) / 1_000_000 + " ms");
            }
        }
        try {
            map.putAsync(self, System.currentTimeMillis(), ttlMillis, TimeUnit.MILLISECONDS)
                    .whenComplete((previous, failure) -> {
                        if (failure == null) {
                            confirmed(start, previous != null);
                        }
                    });
        } catch (HazelcastClientNotActiveException e) {
            heartbeats.shutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Heartbeat of client " + self + " failed: " + e);
        }
    }

    /** Heartbeat started at {@code start} reached the map, where this client's entry was {@code found} or not. */
    private synchronized void confirmed(long start, boolean found) {
        if (start - lastConfirmed <= 0) {
            return;
        }
        if (!lapsed && (!found || System.nanoTime() - lastConfirmed > ttlNanos / 2)) {
            lapse(found ? "a heartbeat was confirmed late" : "its entry had gone from the map");
        }
        if (lapsed) {
            lapsed = false;
            standingSince = start;
        }
        lastConfirmed = start;
    }

    private void lapse(String why) {
        lapsed = true;
        LOG.log(Level.WARNING, "The registration of client " + self + " lapsed (" + why + "): other clients may have"
                + " stopped waiting for it");
        lapseListener.run();
    }

    private void seen(String client, long now) {
        if (!client.equals(self)) {
            lastSeen.put(client, now);
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        try {
            map.removeEntryListener(listener);
            map.delete(self);
        } catch (HazelcastClientNotActiveException e) {
            // the client is shut down already: its entry lapses with its TTL
        }
    }

    private final class Listener implements EntryAddedListener<String, Long>, EntryUpdatedListener<String, Long>,
            EntryRemovedListener<String, Long>, EntryExpiredListener<String, Long>,
            EntryEvictedListener<String, Long> {

        @Override
        public void entryAdded(EntryEvent<String, Long> event) {
            seen(event.getKey(), System.nanoTime());
        }

        @Override
        public void entryUpdated(EntryEvent<String, Long> event) {
            seen(event.getKey(), System.nanoTime());
        }

        @Override
        public void entryRemoved(EntryEvent<String, Long> event) {
            lastSeen.remove(event.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<String, Long> event) {
            lastSeen.remove(event.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<String, Long> event) {
            lastSeen.remove(event.getKey());
        }
    }
}
