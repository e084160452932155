package io.tiercache.backtest.api;

import io.tiercache.backtest.caching.ViewCache;
import io.tiercache.backtest.domain.BacktestService;
import io.tiercache.backtest.view.BacktestView;
import io.tiercache.http.CacheDirectives;
import io.tiercache.http.Representation;
import io.tiercache.http.ReusableResponse;
import io.tiercache.http.ValidatedWrite;
import io.tiercache.http.WritePreconditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/backtests}: run (create), read and delete backtests, and read their equity curves. Reads come from
 * the {@link ViewCache}; writes update it after they commit. A stored backtest never changes, so its responses
 * may be kept for {@value #MAX_AGE} seconds. One instance serves every request (no bean is made per request).
 */
@Path("backtests")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BacktestResource {

    static final int MAX_AGE = 300;

    @Inject
    BacktestService backtests;

    @Inject
    ViewCache views;

    /** Runs the simulation now and stores its outcome; 201 with the backtest. */
    @POST
    public Response create(@NotNull(message = "must be a JSON object") @Valid BacktestRequest request,
            @Context UriInfo uriInfo) {
        BacktestView created = BacktestView.of(backtests.create(request.strategyId(), request.symbol(),
                request.from(), request.to(), request.initialCapital()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created)
                .tag(new EntityTag(created.entityTag()))
                .build();
    }

    @GET
    @Path("{id}")
    @CacheDirectives(maxAge = MAX_AGE)
    @ReusableResponse
    public Representation get(@PathParam("id") long id) {
        return views.backtest(id);
    }

    @GET
    @Path("{id}/equity")
    @CacheDirectives(maxAge = MAX_AGE)
    @ReusableResponse
    public Representation equity(@PathParam("id") long id) {
        return views.equity(id);
    }

    @DELETE
    @Path("{id}")
    @ValidatedWrite
    public Response delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        WritePreconditions preconditions = WritePreconditions.of(headers);
        backtests.delete(id, current -> preconditions.check(BacktestView.of(current)));
        return Response.noContent().build();
    }
}
