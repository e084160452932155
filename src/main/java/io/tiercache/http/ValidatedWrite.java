package io.tiercache.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A PUT or DELETE that honours {@code If-Match} and {@code If-Unmodified-Since} (the resource checks them with
 * {@link WritePreconditions} against the current state inside its transaction); when
 * {@value WritePreconditions#REQUIRE_PROPERTY} is {@code true}, a request without either is refused with 428.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ValidatedWrite {
}
