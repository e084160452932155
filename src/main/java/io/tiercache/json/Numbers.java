package io.tiercache.json;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Converts the text of a JSON number to the Java type of a field, exactly or not at all (see
 * {@link StrictRecordReader}). The text is a valid JSON number, as the parser read it.
 */
final class Numbers {

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Numbers() {
    }

    /** A value of {@code type}, or why there is none. */
    record Result(Object value, String problem) {
    }

    static Result convert(String text, Class<?> type) {
        if (text.length() > StrictRecordReader.MAX_NUMBER_LENGTH) {
            return new Result(null, "must be written in at most " + StrictRecordReader.MAX_NUMBER_LENGTH
                    + " characters");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException exponentTooLarge) {
            return new Result(null, outOfRange(type));
        }
        if (type == Integer.class || type == int.class) {
            return whole(number, INT_MIN, INT_MAX, type, BigDecimal::intValueExact);
        }
        if (type == Long.class || type == long.class) {
            return whole(number, LONG_MIN, LONG_MAX, type, BigDecimal::longValueExact);
        }
        if (type == Double.class || type == double.class) {
            if (Math.abs(number.precision() - (long) number.scale()) > 400) {
                return new Result(null, outOfRange(type));
            }
            double value = number.doubleValue();
            boolean exact = Double.isFinite(value) && (value != 0 || number.signum() == 0);
            return exact ? new Result(value, null) : new Result(null, outOfRange(type));
        }
        if (type == BigDecimal.class) {
            return Math.abs((long) number.scale()) <= StrictRecordReader.MAX_EXPONENT
                    ? new Result(number, null) : new Result(null, outOfRange(type));
        }
        throw new IllegalArgumentException("Not a numeric type: " + type.getName());
    }

    private static Result whole(BigDecimal number, BigDecimal min, BigDecimal max, Class<?> type,
            Function<BigDecimal, Object> exact) {
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            return new Result(null, outOfRange(type));
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            return new Result(null, "must be a whole number");
        }
        return new Result(exact.apply(number), null);
    }

    private static String outOfRange(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == BigDecimal.class) {
            return "must be a decimal number with an exponent from -" + StrictRecordReader.MAX_EXPONENT + " to "
                    + StrictRecordReader.MAX_EXPONENT;
        }
        return "must be a number a double holds (no overflow to infinity, no underflow to zero)";
    }
}
