package io.tiercache.cache.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The engine's wall clock: an {@link InstantSource} whose {@link #millis()} reads a volatile field that one daemon
 * thread refreshes every millisecond. A system clock call costs about 30 ns on this kind of machine, as much as a
 * third of a near-cache hit; this read costs about one. Expiry checks are therefore precise to about a millisecond.
 *
 * <p>The same thread notices when the whole process stopped running for a while (a stop-the-world GC, a
 * {@code SIGSTOP}, a suspended VM): when two of its ticks are further apart than the pause threshold, it hands the
 * length of the gap to the pause listener, on the ticking thread, before it ticks on (the listener must return
 * quickly and may be told of one pause twice: by a reader asking {@link #stalled()} first, and by the ticking thread).
 *
 * <p>The thread runs from construction to {@link #close()} (one per engine, so that an application server can unload
 * the application); after close {@link #millis()} reads the system clock. Thread-safe.
 */
public final class TickingClock implements InstantSource, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TickingClock.class.getName());

    private volatile long now = System.currentTimeMillis();
    private volatile boolean ticking = true;
    private final Thread ticker;
    private final long pauseThresholdNanos;
    private final Consumer<Duration> pauseListener;
    private final AtomicLong lastTick = new AtomicLong(System.nanoTime());
    private final AtomicLong reported = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();

    /**
     * @param pauseThreshold the gap between ticks that counts as a pause of the process
     * @param pauseListener  told the length of each pause, on the ticking thread
     */
    public TickingClock(String name, Duration pauseThreshold, Consumer<Duration> pauseListener) {
        this.pauseThresholdNanos = pauseThreshold.toNanos();
        this.pauseListener = pauseListener;
        ticker = new Thread(this::tick, "tiercache-clock-" + name);
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public long millis() {
        return ticking ? now : System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /**
     * Whether the process stood still just now: the ticking thread has not run for longer than the pause threshold.
     * The first caller to see it reports the pause to the listener before this returns true, and the ticking thread
     * reports it again before it ticks on, so by the time the clock looks fresh again the listener has acted: a reader
     * that resumes before the ticking thread still learns of the pause before it trusts anything cached. Another
     * caller that sees the same pause meanwhile gets true at once, possibly before the listener has finished: it may
     * wait for {@link #pauses()} to grow. Costs a {@link System#nanoTime()} and a volatile read.
     */
    public boolean stalled() {
        long seen = lastTick.get();
        long gap = System.nanoTime() - seen;
        if (gap <= pauseThresholdNanos || !ticking) {
            return false;
        }
        long previous = reported.get();
        if (previous != seen && reported.compareAndSet(previous, seen)) {
            report(gap);
        }
        return true;
    }

    /**
     * How many pauses have been noticed so far; it grows once the listener has acted on one, before the clock looks
     * fresh again.
     */
    public long pauses() {
        return pauses.get();
    }

    /** Tells the listener of a pause of {@code gapNanos}, then counts it; a failure of the listener is logged. */
    private void report(long gapNanos) {
        try {
            pauseListener.accept(Duration.ofNanos(gapNanos));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Acting on a pause of " + gapNanos / 1_000_000 + " ms failed: " + e);
        } finally {
            pauses.incrementAndGet();
        }
    }

    private void tick() {
        while (ticking) {
            long tick = System.nanoTime();
            now = System.currentTimeMillis();
            long last = lastTick.get();
            if (tick - last > pauseThresholdNanos) {
                report(tick - last);
            }
            lastTick.set(tick);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Override
    public void close() {
        ticking = false;
        LockSupport.unpark(ticker);
    }
}
