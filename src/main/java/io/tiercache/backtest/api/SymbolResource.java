package io.tiercache.backtest.api;

import io.tiercache.backtest.simulation.PriceSeriesRepository;
import io.tiercache.backtest.view.SymbolView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/symbols}: the symbols a backtest can use, with the dates their prices cover. */
@Path("symbols")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SymbolResource {

    @Inject
    PriceSeriesRepository prices;

    @GET
    public List<SymbolView> list() {
        return prices.symbols().stream().map(prices::series).map(SymbolView::of).toList();
    }
}
