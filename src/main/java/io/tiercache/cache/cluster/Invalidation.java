package io.tiercache.cache.cluster;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An invalidation begun on every member by {@link ClusterMessenger#begin}: its keys stay fenced everywhere (loads do
 * not store them, reads bypass L1) until {@link #end}, which may be called from any thread and acts once.
 */
public final class Invalidation {

    private final long deadline;
    private final Runnable sendEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    Invalidation(long deadline, Runnable sendEnd) {
        this.deadline = deadline;
        this.sendEnd = sendEnd;
    }

    /** Nanoseconds left until this invalidation's deadline ({@link System#nanoTime()} based), at least 0. */
    public long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Lifts the fence on every member and drops the keys from their near caches; later calls do nothing. */
    public void end() {
        if (ended.compareAndSet(false, true)) {
            sendEnd.run();
        }
    }
}
