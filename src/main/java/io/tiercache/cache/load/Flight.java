package io.tiercache.cache.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One lookup or load of a key in progress on this member: its callers share {@link #result}; {@link #publish} stores
 * what it found unless an invalidation of the key began meanwhile.
 */
public final class Flight {

    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private final boolean loading;
    private final Thread leader = Thread.currentThread();
    private boolean stale;

    Flight(boolean loading) {
        this.loading = loading;
    }

    /** Whether this flight runs a loader (a plain lookup that finds nothing yields null). */
    boolean loading() {
        return loading;
    }

    /**
     * Runs {@code store} unless the key was invalidated since this flight began; invalidations wait for a store in
     * progress, so a store either completes before an invalidation's writes or does not happen.
     */
    public synchronized void publish(Runnable store) {
        if (!stale) {
            store.run();
        }
    }

    synchronized void markStale() {
        stale = true;
    }

    void complete(Object value) {
        result.complete(value);
    }

    void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }

    Object await() {
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
