package io.tiercache.it.http;

import io.tiercache.backtest.caching.ViewCache;
import io.tiercache.http.CacheDirectives;
import io.tiercache.http.Representation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only: {@code GET /api/unmarked/{id}} returns the cached view of a strategy, public and cacheable, but is not a
 * {@code ReusableResponse}: its repeated GETs must reach JAX-RS every time.
 */
@Path("unmarked")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnmarkedViewResource {

    @Inject
    ViewCache views;

    @GET
    @Path("{id}")
    @CacheDirectives
    public Representation get(@PathParam("id") long id) {
        return views.strategy(id);
    }
}
