package io.tiercache.cache;

import javax.cache.Cache;

/**
 * Which cache entry the {@code @CacheResult} calls of one piece of work answered from, captured on the calling thread:
 * for a caller that serves that work's outcome again straight from the entry, such as an HTTP layer answering a
 * repeated request without invoking the resource method (it reads the entry again each time, so it sees every write
 * and invalidation exactly as the annotated call would).
 *
 * <p>Opt-in and per thread: between {@link #begin} and {@link #end} on one thread, every {@code @CacheResult} call that
 * returns a non-null value on that thread is {@link #record recorded}; other threads record nothing. Not thread-safe:
 * a capture belongs to the thread that began it.
 */
public final class ResultCapture {

    private static final ThreadLocal<ResultCapture> CURRENT = new ThreadLocal<>();

    private final ResultCapture outer;
    private Entry entry;
    private int calls;

    /**
     * One captured call: the cache, the key of the call and the value it returned.
     *
     * @param cache the cache the call read (or loaded into)
     * @param key   the key the annotation generated
     * @param value what the call returned
     */
    public record Entry(Cache<Object, Object> cache, Object key, Object value) {
    }

    private ResultCapture(ResultCapture outer) {
        this.outer = outer;
    }

    /** Starts capturing on this thread (inside an enclosing capture, until {@link #end}). */
    public static ResultCapture begin() {
        ResultCapture capture = new ResultCapture(CURRENT.get());
        CURRENT.set(capture);
        return capture;
    }

    /** Stops capturing on this thread (the enclosing capture, if any, captures again). */
    public void end() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** The one call captured; null when there was none, or more than one. */
    public Entry single() {
        return calls == 1 ? entry : null;
    }

    /** Records a {@code @CacheResult} call that returned {@code value} (not null), if this thread is capturing. */
    public static void record(Cache<Object, Object> cache, Object key, Object value) {
        ResultCapture capture = CURRENT.get();
        if (capture != null) {
            capture.calls++;
            capture.entry = new Entry(cache, key, value);
        }
    }
}
