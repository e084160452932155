package io.tiercache.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Cache-Control} directives (RFC 9111, section 5.2.2) of a resource method's (or class's) successful GET
 * responses; marks them cacheable, so they get validators ({@code ETag}, {@code Last-Modified}) and conditional GETs
 * are answered 304. A resource without it answers {@code no-store}. An annotation, where
 * {@code jakarta.ws.rs.core.CacheControl} is a header value built per response.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CacheDirectives {

    /** {@code max-age} in seconds. */
    int maxAge() default 0;

    /** {@code must-revalidate}: once stale, never served without asking the origin. */
    boolean mustRevalidate() default true;

    /** {@code public} (any cache) or {@code private} (the client's own cache only). */
    Visibility visibility() default Visibility.PUBLIC;

    /** Who may store the response. */
    enum Visibility {
        PUBLIC, PRIVATE
    }
}
