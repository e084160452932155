package io.tiercache.cache.load;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p><b>Abandoned invalidations</b>: when an invalidation's END will not come (its lease ran out, or this member
 * missed it while paused), its writer may have stopped between its Redis write and its L1 writes, leaving L1 copies
 * older than Redis. Before such a fence is lifted, its keys are removed from L1 by the {@code dropFromL1} function
 * given to the constructor; until that completes they stay fenced (a failure is retried a lease later). When its
 * sender leaves the cluster, its keys are removed from L1 at once, but the fence stays for its lease: a member
 * dropped from the view may only be paused or cut off, and still write Redis afterwards.
 *
 * <p>Messages may arrive late, out of order or never: an {@code end} that arrives before its {@code begin} detaches
 * the flights of its keys and leaves a tombstone so that the late {@code begin} fences nothing (it still detaches), and every fence and tombstone lapses after the lease given
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
    private final Function<Set<String>, CompletionStage<?>> dropFromL1;

    /**
     * @param lease      how long a fence or a tombstone lasts at most
     * @param nanoTime   the monotonic clock, {@code System::nanoTime} outside tests
     * @param dropFromL1 removes the given keys (null: every key) from L1 on every member, for an abandoned
     *                   invalidation; called on whichever thread finds the fence abandoned, so it must not block
     */
    public LoadCoordinator(Duration lease, LongSupplier nanoTime,
                           Function<Set<String>, CompletionStage<?>> dropFromL1) {
        this.leaseNanos = lease.toNanos();
        this.nanoTime = nanoTime;
        this.dropFromL1 = dropFromL1;
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
     * Whether an invalidation of {@code text} is in progress (its BEGIN seen, its END not yet, or abandoned and its
     * keys not yet removed from L1): reads then bypass L1 and loads do not store. A field read when no invalidation is
     * in progress.
     */
    public boolean fenced(String text) {
        if (fenceCount.get() == 0) {
            return false;
        }
        long now = nanoTime.getAsLong();
        for (Map.Entry<Object, Fence> entry : fences.entrySet()) {
            Fence fence = entry.getValue();
            if (now - fence.expiresAt() >= 0) {
                abandon(entry.getKey(), fence);
            }
            if (fence.covers(text) && fences.get(entry.getKey()) == fence) {
                return true;
            }
        }
        return false;
    }

    /**
     * Invalidation {@code id} of {@code texts} (null: every key), sent at {@code sentAtMillis} by its writer's clock
     * from member {@code sender} (null: unknown, e.g. a client), begins: flights in progress become stale and are
     * detached, and the keys are fenced until {@link #end} with the same id (or until it is abandoned). Ignored when
     * that {@code end} has already been seen.
     */
    public void begin(Object id, Collection<String> texts, long sentAtMillis, String sender) {
        long now = nanoTime.getAsLong();
        purge(now);
        if (ended.remove(id) == null) {
            fenceCount.incrementAndGet();
            if (fences.put(id, new Fence(texts == null ? null : Set.copyOf(texts), now + leaseNanos, sentAtMillis,
                    sender)) != null) {
                fenceCount.decrementAndGet();
            }
        }
        detachAll(texts);
    }

    /** Marks the flights of {@code texts} (null: all) stale and detaches them, so that later reads load afresh. */
    private void detachAll(Collection<String> texts) {
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

    /**
     * Invalidation {@code id} of {@code texts} has ended: its fence is lifted; when its BEGIN has not arrived yet, the
     * flights of its keys are detached as BEGIN would have done, and a tombstone stops the late BEGIN from fencing.
     */
    public void end(Object id, Collection<String> texts) {
        long now = nanoTime.getAsLong();
        Fence lifted = fences.remove(id);
        if (lifted != null) {
            fenceCount.decrementAndGet();
        } else {
            ended.put(id, now + leaseNanos);
            detachAll(texts);
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
                    abandon(id, fence);
                }
            });
        }
    }

    /**
     * Abandons the invalidations sent before {@code epochMillis} (the sender's wall clock), whose END this member may
     * have missed while it was paused or out of the cluster; see {@code PauseRecovery}.
     */
    public void liftSentBefore(long epochMillis) {
        fences.forEach((id, fence) -> {
            if (fence.sentAtMillis < epochMillis) {
                abandon(id, fence);
            }
        });
    }

    /**
     * Member {@code sender} left this member's view of the cluster: the keys of the invalidations it began are removed
     * from L1 now (it may have died between Redis and L1), and stay fenced until the lease lapses (it may only be
     * paused or cut off, and write Redis later).
     */
    public void senderLeft(String sender) {
        fences.forEach((id, fence) -> {
            if (sender.equals(fence.sender)) {
                try {
                    dropFromL1.apply(fence.texts);
                } catch (RuntimeException e) {
                    // the lapse of the lease drops them again before lifting the fence
                }
            }
        });
    }

    /** Removes the keys of {@code fence} from L1, then lifts it (once, however many threads find it abandoned). */
    private void abandon(Object id, Fence fence) {
        if (!fence.abandoning.compareAndSet(false, true)) {
            return;
        }
        CompletionStage<?> dropped;
        try {
            dropped = dropFromL1.apply(fence.texts);
        } catch (RuntimeException e) {
            retryLater(fence);
            return;
        }
        dropped.whenComplete((done, failure) -> {
            if (failure == null) {
                drop(id, fence);
            } else {
                retryLater(fence);
            }
        });
    }

    private void retryLater(Fence fence) {
        fence.expiresAt = nanoTime.getAsLong() + leaseNanos;
        fence.abandoning.set(false);
    }

    private void drop(Object id, Fence fence) {
        if (fences.remove(id, fence)) {
            fenceCount.decrementAndGet();
        }
    }

    private static final class Fence {

        private final Set<String> texts;
        private final long sentAtMillis;
        private final String sender;
        private final AtomicBoolean abandoning = new AtomicBoolean();
        private volatile long expiresAt;

        Fence(Set<String> texts, long expiresAt, long sentAtMillis, String sender) {
            this.texts = texts;
            this.expiresAt = expiresAt;
            this.sentAtMillis = sentAtMillis;
            this.sender = sender;
        }

        long expiresAt() {
            return expiresAt;
        }

        boolean covers(String text) {
            return texts == null || texts.contains(text);
        }
    }
}
