package io.tiercache.backtest.api;

import io.tiercache.backtest.caching.ViewCache;
import io.tiercache.backtest.domain.Strategy;
import io.tiercache.backtest.domain.StrategyService;
import io.tiercache.backtest.view.StrategyView;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Date;

/**
 * {@code /api/strategies}: list (paged, filtered by name), read, create, replace and delete strategies. Reads come
 * from the {@link ViewCache}; a committed write invalidates the views it changes ({@code
 * io.tiercache.backtest.caching}). PUT and DELETE honour {@code If-Match} and {@code If-Unmodified-Since}, checked
 * against the stored state inside the write's transaction. One instance serves every request (no bean is made per
 * request).
 */
@Path("strategies")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StrategyResource {

    @Inject
    StrategyService strategies;

    @Inject
    ViewCache views;

    /**
     * A page of strategies by id; {@code name} keeps those whose name contains it, ignoring case. Only the first
     * unfiltered pages are cached ({@link ViewCache#isCachedList}).
     */
    @GET
    @CacheDirectives
    @ReusableResponse
    public Representation list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("name") String name) {
        PageRequest request = PageRequest.parse(page, size);
        return ViewCache.isCachedList(request.page(), name)
                ? views.strategies(request.page(), request.size())
                : views.loadStrategies(request.page(), request.size(), name);
    }

    @GET
    @Path("{id}")
    @CacheDirectives
    @ReusableResponse
    public Representation get(@PathParam("id") long id) {
        return views.strategy(id);
    }

    /** The strategy's backtests by id, without their equity curves. */
    @GET
    @Path("{id}/backtests")
    @CacheDirectives
    @ReusableResponse
    public Representation backtests(@PathParam("id") long id) {
        return views.backtestsOf(id);
    }

    @POST
    public Response create(@NotNull(message = "must be a JSON object") @Valid StrategyRequest request,
            @Context UriInfo uriInfo) {
        StrategyView created = StrategyView.of(strategies.create(new Strategy(request.name(), request.description(),
                request.fastWindow(), request.slowWindow(), request.positionFraction(), request.commissionBps())));
        return validated(Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(created.id())).build()),
                created);
    }

    /** Replaces every property of the strategy. */
    @PUT
    @Path("{id}")
    @ValidatedWrite
    public Response update(@PathParam("id") long id,
            @NotNull(message = "must be a JSON object") @Valid StrategyRequest request, @Context HttpHeaders headers) {
        WritePreconditions preconditions = WritePreconditions.of(headers);
        StrategyView updated = StrategyView.of(strategies.update(id, request.name(), request.description(),
                request.fastWindow(), request.slowWindow(), request.positionFraction(), request.commissionBps(),
                current -> preconditions.check(StrategyView.of(current))));
        return validated(Response.ok(), updated);
    }

    /** Deletes the strategy and its backtests. */
    @DELETE
    @Path("{id}")
    @ValidatedWrite
    public Response delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        WritePreconditions preconditions = WritePreconditions.of(headers);
        strategies.delete(id, current -> preconditions.check(StrategyView.of(current)));
        return Response.noContent().build();
    }

    private static Response validated(Response.ResponseBuilder response, StrategyView view) {
        return response.entity(view)
                .tag(new EntityTag(view.entityTag()))
                .lastModified(Date.from(view.lastModified()))
                .build();
    }
}
