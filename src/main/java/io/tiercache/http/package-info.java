/**
 * HTTP caching for JAX-RS resources (RFC 9110, RFC 9111), independent of the application: a
 * {@link io.tiercache.http.Representation} is a response body as sent, with its strong entity tag and last
 * modification, cacheable as it is; {@link io.tiercache.http.CacheDirectives} on a GET method sets its
 * {@code Cache-Control}; {@link io.tiercache.http.ConditionalResponseFilter} adds the validators and answers 304 or
 * 412 as {@link io.tiercache.http.Preconditions} decides; {@link io.tiercache.http.WritePreconditions} checks a
 * write's {@code If-Match} and {@code If-Unmodified-Since} against the current state, and
 * {@link io.tiercache.http.RequiredValidatorFilter} can require them (428). {@link io.tiercache.http.DateHeaderFilter}
 * dates every response.
 */
package io.tiercache.http;
