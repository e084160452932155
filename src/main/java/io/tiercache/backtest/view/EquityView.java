package io.tiercache.backtest.view;

import io.tiercache.backtest.domain.Backtest;
import io.tiercache.backtest.domain.EquityCurveCodec;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The equity curve of a backtest: the portfolio value at each trading day's close. */
public record EquityView(long backtestId, List<Point> points) implements Serializable {

    public EquityView {
        points = List.copyOf(points);
    }

    public static EquityView of(Backtest b) {
        return new EquityView(b.getId(), EquityCurveCodec.decode(b.getEquityCurve()).stream()
                .map(p -> new Point(p.date(), p.equity()))
                .toList());
    }

    /** One day of the curve. */
    public record Point(LocalDate date, double equity) implements Serializable {
    }
}
