package io.tiercache.cache.load;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Single flight and stale-store fencing for the misses of one cache on one member.
 *
 * <p>Single flight: concurrent misses of one key share one {@link Flight}; its leader does the work (an L2 read, then
 * the loader) and the others wait for its result, so a loader runs once per key at a time on a member. A lookup
 * without loader that finds nothing yields null; a caller with a loader that joined it then leads a flight of its own.
 *
 * <p>Fencing: while an invalidation of a key is in progress anywhere in the cluster ({@link #begin} to {@link #end}),
 * flights of that key on this member are stale and do not store what they found: a read that started before an
 * invalidation never puts its older result back after it.
 *
 * <p>Thread-safe. The leader runs on the caller's thread; a leader that loads the same key recursively gets an
 * {@link IllegalStateException} instead of a deadlock.
 */
public final class LoadCoordinator {

    private final Map<String, Flight> flights = new ConcurrentHashMap<>();
    private final Map<String, Integer> pendingKeys = new ConcurrentHashMap<>();
    private final AtomicInteger pendingAll = new AtomicInteger();

    /**
     * The value of {@code text} from the flight in progress, or from {@code work} run as a new flight's leader.
     *
     * @param loading whether {@code work} runs a loader
     */
    public Object run(String text, boolean loading, Function<Flight, Object> work) {
        while (true) {
            Flight mine = new Flight(loading);
            Flight current = flights.putIfAbsent(text, mine);
            if (current == null) {
                return lead(text, mine, work);
            }
            Object value = current.await();
            if (value != null || !loading || current.loading()) {
                return value;
            }
        }
    }

    private Object lead(String text, Flight flight, Function<Flight, Object> work) {
        if (pendingAll.get() > 0 || pendingKeys.containsKey(text)) {
            flight.markStale();
        }
        try {
            Object value = work.apply(flight);
            flight.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            flight.fail(e);
            throw e;
        } finally {
            flights.remove(text, flight);
        }
    }

    /** An invalidation of {@code texts} (null: all keys) begins: flights in progress become stale. */
    public void begin(Collection<String> texts) {
        if (texts == null) {
            pendingAll.incrementAndGet();
            flights.values().forEach(Flight::markStale);
            return;
        }
        for (String text : texts) {
            pendingKeys.merge(text, 1, Integer::sum);
            Flight flight = flights.get(text);
            if (flight != null) {
                flight.markStale();
            }
        }
    }

    /** The invalidation begun with the same {@code texts} has ended. */
    public void end(Collection<String> texts) {
        if (texts == null) {
            pendingAll.updateAndGet(n -> Math.max(0, n - 1));
            return;
        }
        for (String text : texts) {
            pendingKeys.computeIfPresent(text, (t, count) -> count <= 1 ? null : count - 1);
        }
    }
}
