package io.tiercache.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a GET resource method's 200 response is a function of its request target, its {@code Accept} field
 * and the one {@code @CacheResult} entry it returns (a {@link Representation}), and of nothing else: no other state
 * chooses the key, no check before or after the call can change the answer. Then a repeated request may be answered
 * from that entry without invoking the method ({@link StoredResponseFilter}; RFC 9111 section 4 calls this reusing a
 * stored response). Only with {@link CacheDirectives} of {@code public} visibility.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReusableResponse {
}
