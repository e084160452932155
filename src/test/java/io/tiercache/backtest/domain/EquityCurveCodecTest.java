package io.tiercache.backtest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tiercache.backtest.simulation.EquityPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquityCurveCodecTest {

    @Test
    void roundTripsACurveExactly() {
        List<EquityPoint> curve = new ArrayList<>();
        LocalDate day = LocalDate.of(2015, 1, 2);
        double equity = 100_000;
        for (int i = 0; i < 2_600; i++) {
            curve.add(new EquityPoint(day, equity));
            day = day.plusDays(i % 5 == 4 ? 3 : 1);
            equity *= 1 + Math.sin(i) / 100;
        }
        byte[] packed = EquityCurveCodec.encode(curve);
        assertEquals(4 + 12 * curve.size(), packed.length);
        assertEquals(curve, EquityCurveCodec.decode(packed));
    }

    @Test
    void keepsSpecialValuesAndOldDates() {
        List<EquityPoint> curve = List.of(new EquityPoint(LocalDate.of(1900, 1, 1), 0.0),
                new EquityPoint(LocalDate.of(2100, 12, 31), Double.MIN_VALUE),
                new EquityPoint(LocalDate.of(2101, 1, 1), -0.0));
        assertEquals(curve, EquityCurveCodec.decode(EquityCurveCodec.encode(curve)));
    }

    @Test
    void emptyArrayIsAnEmptyCurve() {
        assertEquals(List.of(), EquityCurveCodec.decode(new byte[0]));
        assertEquals(List.of(), EquityCurveCodec.decode(EquityCurveCodec.encode(List.of())));
    }

    @Test
    void rejectsATruncatedCurve() {
        byte[] packed = EquityCurveCodec.encode(List.of(new EquityPoint(LocalDate.of(2020, 1, 2), 1.0),
                new EquityPoint(LocalDate.of(2020, 1, 3), 2.0)));
        byte[] truncated = Arrays.copyOf(packed, packed.length - 1);
        assertThrows(IllegalArgumentException.class, () -> EquityCurveCodec.decode(truncated));
    }
}
