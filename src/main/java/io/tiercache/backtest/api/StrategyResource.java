package io.tiercache.backtest.api;

import io.tiercache.backtest.domain.BacktestService;
import io.tiercache.backtest.domain.Strategy;
import io.tiercache.backtest.domain.StrategyService;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /api/strategies}: list (paged, filtered by name), read, create, replace and delete strategies. */
@Path("strategies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StrategyResource {

    @Inject
    StrategyService strategies;

    @Inject
    BacktestService backtests;

    @Context
    UriInfo uriInfo;

    /** A page of strategies by id; {@code name} keeps those whose name contains it, ignoring case. */
    @GET
    public PageView<StrategyView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("name") String name) {
        PageRequest request = PageRequest.parse(page, size);
        List<StrategyView> items = strategies.list(name, request.offset(), request.size()).stream()
                .map(StrategyView::of)
                .toList();
        return new PageView<>(items, request.page(), request.size(), strategies.count(name));
    }

    @GET
    @Path("{id}")
    public StrategyView get(@PathParam("id") long id) {
        return StrategyView.of(strategies.get(id));
    }

    /** The strategy's backtests by id, without their equity curves. */
    @GET
    @Path("{id}/backtests")
    public List<BacktestView> backtests(@PathParam("id") long id) {
        return backtests.ofStrategy(id).stream().map(BacktestView::of).toList();
    }

    @POST
    public Response create(@NotNull(message = "must be a JSON object") @Valid StrategyRequest request) {
        Strategy created = strategies.create(new Strategy(request.name(), request.description(),
                request.fastWindow(), request.slowWindow(), request.positionFraction(), request.commissionBps()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(StrategyView.of(created))
                .build();
    }

    /** Replaces every property of the strategy. */
    @PUT
    @Path("{id}")
    public StrategyView update(@PathParam("id") long id,
            @NotNull(message = "must be a JSON object") @Valid StrategyRequest request) {
        return StrategyView.of(strategies.update(id, request.name(), request.description(), request.fastWindow(),
                request.slowWindow(), request.positionFraction(), request.commissionBps()));
    }

    /** Deletes the strategy and its backtests. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        strategies.delete(id);
        return Response.noContent().build();
    }
}
