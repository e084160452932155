package io.tiercache.admin;

/** A cache name that this instance has no open cache for; answered with 404. */
public final class UnknownCacheException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String cache;

    public UnknownCacheException(String cache) {
        super("No cache named " + cache + " has been created on this instance");
        this.cache = cache;
    }

    public String cache() {
        return cache;
    }
}
