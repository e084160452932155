package io.tiercache.http;

import io.tiercache.cache.ResultCapture;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.time.Instant;
import java.util.Enumeration;

/**
 * Answers a repeated GET of the REST API from the cache entry its first answer came from, before the JAX-RS runtime:
 * no resource matching, no resource method, no serialization. A conditional GET whose {@code If-None-Match} or
 * {@code If-Modified-Since} the stored validators satisfy gets 304; any other request, and every request whose entry
 * L1 does not hold (written, invalidated, expired, evicted, or only in Redis), goes to the JAX-RS runtime as before.
 *
 * <p>What it learns ({@link StoredResponses}): a GET answered 200 by a {@link ReusableResponse} method with a public
 * policy, whose body is the {@link Representation} that the request's one {@code @CacheResult} call returned
 * ({@link ResultCapture}), with the same {@code ETag}: then that request target and {@code Accept} (all its lines; the
 * response varies on it) name that entry of that cache, and the response is a function of the entry (the bytes and
 * the validators) and of the method's fixed fields ({@code Cache-Control}, {@code Vary}, {@code Content-Type}), which
 * it keeps. It reads the entry again on every request, from L1 ({@code TieredCache.getFromL1}), so it sees every write
 * and invalidation as the annotated method would, and counts a hit as the method would; an L1 miss counts nothing here
 * and costs one L1 look-up before the JAX-RS runtime reads Redis or loads (and counts the miss).
 *
 * <p>Never answered here: requests with an {@code Authorization} field, with a body or a {@code Content-Type} (the
 * runtime may refuse them, 415), with {@code If-Match} or {@code If-Unmodified-Since} (a 412 is the JAX-RS runtime's),
 * HEAD, and any request whose target and {@code Accept} it has not seen answered as above. What the JAX-RS runtime does
 * per request (its request metrics and telemetry spans, if any) does not happen for a request answered here.
 *
 * <p>A servlet filter, so it is reached through the container's filter chain (Payara takes a short monitor per
 * filter per request there); thread-safe.
 */
@WebFilter(filterName = "StoredResponseFilter", urlPatterns = "/api/*", asyncSupported = true)
public final class StoredResponseFilter extends HttpFilter {

    /**
     * The request attribute (JAX-RS request property) under which {@link ConditionalResponseFilter} names the
     * representation of a {@link ReusableResponse} method's 200 response.
     */
    static final String REUSABLE = "io.tiercache.http.reusable";

    private static final long serialVersionUID = 1L;
    private static final String GET = "GET";

    private final transient StoredResponses stored = new StoredResponses();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!GET.equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(HttpHeaders.CONTENT_TYPE) != null || request.getHeader("Transfer-Encoding") != null
                || request.getContentLengthLong() > 0) {
            chain.doFilter(request, response);
            return;
        }
        StoredResponses.Target target = new StoredResponses.Target(request.getRequestURI(), request.getQueryString(),
                field(request, HttpHeaders.ACCEPT));
        if (request.getHeader(HttpHeaders.IF_MATCH) == null
                && request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) == null && answered(target, request, response)) {
            return;
        }
        ResultCapture capture = ResultCapture.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            capture.end();
        }
        if (response.getStatus() == HttpServletResponse.SC_OK && !request.isAsyncStarted()) {
            ResultCapture.Entry entry = capture.single();
            if (entry != null && entry.value() instanceof Representation representation
                    && request.getAttribute(REUSABLE) == representation) {
                stored.learn(target, entry, representation, response.getHeader(HttpHeaders.ETAG),
                        response.getHeader(HttpHeaders.CACHE_CONTROL), response.getHeader(HttpHeaders.VARY),
                        response.getContentType());
            }
        }
    }

    /** The values of field {@code name}, joined as one (RFC 9110 section 5.3); null when absent. */
    private static String field(HttpServletRequest request, String name) {
        String first = request.getHeader(name);
        if (first == null) {
            return null;
        }
        Enumeration<String> values = request.getHeaders(name);
        values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        while (values.hasMoreElements()) {
            all.append(", ").append(values.nextElement());
        }
        return all.toString();
    }

    /** Answers {@code request} from its stored entry; false when there is none (the caller passes it on). */
    private boolean answered(StoredResponses.Target target, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        StoredResponses.Stored known = stored.find(target);
        if (known == null) {
            return false;
        }
        Representation representation = known.current();
        if (representation == null) {
            stored.forget(target, known);
            return false;
        }
        ValidatorFields fields = representation.fields();
        Preconditions.Outcome outcome = Preconditions.evaluate(true,
                Preconditions.Fields.of(name -> field(request, name)), fields.tag(), fields.lastModified(),
                Instant.now());
        if (outcome != Preconditions.Outcome.PROCEED && outcome != Preconditions.Outcome.NOT_MODIFIED) {
            return false;
        }
        response.setHeader(HttpHeaders.DATE, HttpDates.now());
        fields.writeTo(response::setHeader);
        response.setHeader(HttpHeaders.CACHE_CONTROL, known.cacheControl());
        if (known.vary() != null) {
            response.setHeader(HttpHeaders.VARY, known.vary());
        }
        if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(known.contentType());
        response.setContentLength(representation.length());
        representation.writeTo(response.getOutputStream());
        return true;
    }
}
