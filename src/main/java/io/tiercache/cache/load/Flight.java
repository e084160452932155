package io.tiercache.cache.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One lookup or load of a key in progress on this member: its callers share its {@link Outcome}; {@link #publish}
 * stores what it found unless an invalidation of the key began meanwhile.
 *
 * <p>Threading: the leader runs the work and publishes on its own thread; {@link #markStale} may come from any
 * thread and waits for a {@code publish} in progress, so a store either completes before an invalidation proceeds
 * or does not happen at all.
 */
public final class Flight {

    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final boolean loading;
    private final Thread leader = Thread.currentThread();
    private boolean stale;

    Flight(boolean loading) {
        this.loading = loading;
    }

    /** Whether this flight runs a loader (a plain lookup that finds nothing yields {@link Outcome.Source#NONE}). */
    boolean loading() {
        return loading;
    }

    /** Runs {@code store} unless the key was invalidated since this flight began. */
    public synchronized void publish(Runnable store) {
        if (!stale) {
            store.run();
        }
    }

    synchronized void markStale() {
        stale = true;
    }

    void complete(Outcome outcome) {
        result.complete(outcome);
    }

    void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }

    Outcome await() {
        if (leader == Thread.currentThread()) {
            throw new IllegalStateException("Recursive load of the same key by the same thread");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }
}
