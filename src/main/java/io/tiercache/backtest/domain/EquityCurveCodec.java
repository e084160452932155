package io.tiercache.backtest.domain;

import io.tiercache.backtest.simulation.EquityPoint;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs an equity curve into a compact byte array for storage: a point count, then per point its date as an
 * epoch day ({@code int}) and its equity ({@code double}), big-endian. Stateless and thread-safe.
 */
public final class EquityCurveCodec {

    private static final int POINT_BYTES = Integer.BYTES + Double.BYTES;

    private EquityCurveCodec() {
    }

    public static byte[] encode(List<EquityPoint> curve) {
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + curve.size() * POINT_BYTES);
        buffer.putInt(curve.size());
        for (EquityPoint point : curve) {
            buffer.putInt(Math.toIntExact(point.date().toEpochDay()));
            buffer.putDouble(point.equity());
        }
        return buffer.array();
    }

    /** Decodes {@link #encode}'s output; an empty array is an empty curve. */
    public static List<EquityPoint> decode(byte[] packed) {
        if (packed.length == 0) {
            return List.of();
        }
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        int size = buffer.getInt();
        if (packed.length != Integer.BYTES + size * POINT_BYTES) {
            throw new IllegalArgumentException("Corrupt equity curve: " + packed.length + " bytes for " + size
                    + " points");
        }
        List<EquityPoint> curve = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            curve.add(new EquityPoint(LocalDate.ofEpochDay(buffer.getInt()), buffer.getDouble()));
        }
        return curve;
    }
}
