package io.tiercache.backtest.api;

import io.tiercache.backtest.domain.Backtest;
import io.tiercache.backtest.domain.BacktestService;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/backtests}: run (create), read and delete backtests, and read their equity curves. */
@Path("backtests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BacktestResource {

    @Inject
    BacktestService backtests;

    @Context
    UriInfo uriInfo;

    /** Runs the simulation now and stores its outcome; 201 with the backtest. */
    @POST
    public Response create(@NotNull(message = "must be a JSON object") @Valid BacktestRequest request) {
        Backtest created = backtests.create(request.strategyId(), request.symbol(), request.from(), request.to(),
                request.initialCapital());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(BacktestView.of(created))
                .build();
    }

    @GET
    @Path("{id}")
    public BacktestView get(@PathParam("id") long id) {
        return BacktestView.of(backtests.get(id));
    }

    @GET
    @Path("{id}/equity")
    public EquityView equity(@PathParam("id") long id) {
        return EquityView.of(backtests.get(id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        backtests.delete(id);
        return Response.noContent().build();
    }
}
