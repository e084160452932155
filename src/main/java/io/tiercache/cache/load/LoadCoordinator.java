package io.tiercache.cache.load;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Single flight and stale-store fencing for the misses of one cache on one member.
 *
 * <p><b>Single flight</b>: concurrent misses of one key share one {@link Flight}; its leader does the work (an L2
 * read, then the loader) and the others wait for its {@link Outcome}, so a loader runs once per key at a time on a
 * member. A lookup without loader that finds nothing yields {@link Outcome.Source#NONE}; a caller with a loader that
 * joined it then leads a flight of its own.
 *
 * <p><b>Fencing</b>: an invalidation, wherever in the cluster it runs, is announced to every member by
 * {@link #begin} and closed by {@link #end} under one id. {@code begin} marks the flights of its keys stale (they do
 * not store what they found) <em>and detaches them</em>, so that a read that starts afterwards leads a new flight
 * instead of joining one that may have read the value before the invalidation. From {@code begin} to {@code end}
 * the keys are fenced: flights that start meanwhile do not store either.
 *
 * <p>Messages may arrive late, out of order or never: an {@code end} that arrives before its {@code begin} leaves a
 * tombstone so that the late {@code begin} is ignored, and every fence and tombstone lapses after the lease given
 * to the constructor (longer than any invalidation may take), so a lost {@code end} cannot stop this member from
 * caching a key for good.
 *
 * <p>Thread-safe and lock-free except for the per-flight monitor of {@link Flight#publish}. The leader runs on the
 * caller's thread; a leader that loads the same key recursively gets an {@link IllegalStateException} instead of a
 * deadlock.
 */
public final class LoadCoordinator {

    private final Map<String, Flight> flights = new ConcurrentHashMap<>();
    private final Map<Object, Fence> fences = new ConcurrentHashMap<>();
    /** How many fences may be held: never less than the real number, read on every L1 hit instead of the map. */
    private final AtomicInteger fenceCount = new AtomicInteger();
    private final Map<Object, Long> ended = new ConcurrentHashMap<>();
    private final long leaseNanos;
    private final LongSupplier nanoTime;

    /**
     * @param lease    how long a fence or a tombstone lasts at most
     * @param nanoTime the monotonic clock, {@code System::nanoTime} outside tests
     */
    public LoadCoordinator(Duration lease, LongSupplier nanoTime) {
        this.leaseNanos = lease.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The outcome of {@code text} from the flight in progress, or from {@code work} run as a new flight's leader.
     *
     * @param loading whether {@code work} runs a loader
     */
    public Outcome run(String text, boolean loading, Function<Flight, Outcome> work) {
        while (true) {
            Flight mine = new Flight(loading);
            Flight current = flights.putIfAbsent(text, mine);
            if (current == null) {
                return lead(text, mine, work);
            }
            Outcome outcome = current.await();
            if (outcome.value() != null || !loading || current.loading()) {
                return outcome;
            }
        }
    }

    private Outcome lead(String text, Flight flight, Function<Flight, Outcome> work) {
        if (fenced(text)) {
            flight.markStale();
        }
        try {
            Outcome outcome = work.apply(flight);
            flight.complete(outcome);
            return outcome;
        } catch (RuntimeException | Error e) {
            flight.fail(e);
            throw e;
        } finally {
            flights.remove(text, flight);
        }
    }

    /**
     * Whether an invalidation of {@code text} is in progress (its BEGIN seen, its END not yet): reads then bypass L1
     * and loads do not store. A field read when no invalidation is in progress.
     */
    public boolean fenced(String text) {
        if (fenceCount.get() == 0) {
            return false;
        }
        long now = nanoTime.getAsLong();
        for (Map.Entry<Object, Fence> entry : fences.entrySet()) {
            Fence fence = entry.getValue();
            if (now - fence.expiresAt() >= 0) {
                drop(entry.getKey(), fence);
            } else if (fence.covers(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Invalidation {@code id} of {@code texts} (null: every key), sent at {@code sentAtMillis} by its writer's clock,
     * begins: flights in progress become stale and are detached, and the keys are fenced until {@link #end} with the
     * same id (or the lease runs out). Ignored when that {@code end} has already been seen.
     */
    public void begin(Object id, Collection<String> texts, long sentAtMillis) {
        long now = nanoTime.getAsLong();
        purge(now);
        if (ended.remove(id) != null) {
            return;
        }
        fenceCount.incrementAndGet();
        if (fences.put(id, new Fence(texts == null ? null : Set.copyOf(texts), now + leaseNanos, sentAtMillis))
                != null) {
            fenceCount.decrementAndGet();
        }
        if (texts == null) {
            flights.forEach(this::detach);
        } else {
            for (String text : texts) {
                Flight flight = flights.get(text);
                if (flight != null) {
                    detach(text, flight);
                }
            }
        }
    }

    private void detach(String text, Flight flight) {
        flights.remove(text, flight);
        flight.markStale();
    }

    /** Invalidation {@code id} has ended: its fence is lifted, or a tombstone stops its late {@code begin}. */
    public void end(Object id) {
        long now = nanoTime.getAsLong();
        Fence lifted = fences.remove(id);
        if (lifted != null) {
            fenceCount.decrementAndGet();
        } else {
            ended.put(id, now + leaseNanos);
        }
        purge(now);
    }

    private void purge(long now) {
        if (!ended.isEmpty()) {
            ended.values().removeIf(expiresAt -> now - expiresAt >= 0);
        }
        if (!fences.isEmpty()) {
            fences.forEach((id, fence) -> {
                if (now - fence.expiresAt() >= 0) {
                    drop(id, fence);
                }
            });
        }
    }

    /**
     * Lifts the fences of the invalidations sent before {@code epochMillis} (the sender's wall clock), whose END this
     * member may have missed while it was paused or out of the cluster; see {@code PauseRecovery}.
     */
    public void liftSentBefore(long epochMillis) {
        fences.forEach((id, fence) -> {
            if (fence.sentAtMillis() < epochMillis) {
                drop(id, fence);
            }
        });
    }

    private void drop(Object id, Fence fence) {
        if (fences.remove(id, fence)) {
            fenceCount.decrementAndGet();
        }
    }

    private record Fence(Set<String> texts, long expiresAt, long sentAtMillis) {

        boolean covers(String text) {
            return texts == null || texts.contains(text);
        }
    }
}
