package io.tiercache.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The bare WAR of the HTTP benchmark ({@code scripts/http-bench.sh} packages this package alone): JAX-RS under
 * {@code /api} with one no-op resource and nothing else (no CDI beans, no cache, no security, no filters), the
 * ceiling that the service's responses are measured against on the same Payara Micro.
 */
@ApplicationPath("api")
public final class NoopApplication extends Application {
}
