package io.tiercache.cache.annotation;

import io.tiercache.cache.StableKey;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The canonical text of a cache key value: the same value gives the same text in every JVM, whatever its
 * vendor, version, locale or time zone, and never an identity hash.
 *
 * <table>
 *   <caption>Canonical forms</caption>
 *   <tr><th>value</th><th>form</th><th>example</th></tr>
 *   <tr><td>{@code null}</td><td>{@code null}</td><td>{@code null}</td></tr>
 *   <tr><td>{@link CharSequence}, {@link Character}</td><td>double-quoted, JSON escapes</td>
 *       <td>{@code "a \"b\"\n"}</td></tr>
 *   <tr><td>{@link Boolean}</td><td>{@code true}, {@code false}</td><td>{@code true}</td></tr>
 *   <tr><td>{@code byte}, {@code short}, {@code int}, {@code long}, {@link BigInteger}</td><td>decimal</td>
 *       <td>{@code -42}</td></tr>
 *   <tr><td>{@code float}, {@code double}, {@link BigDecimal}</td>
 *       <td>the exact decimal value, plain, without trailing zeros; {@code NaN}, {@code Infinity},
 *       {@code -Infinity}</td><td>{@code 2.5}, {@code 100}</td></tr>
 *   <tr><td>{@link Enum}</td><td>the constant's name</td><td>{@code MONTHLY}</td></tr>
 *   <tr><td>{@code java.time} values</td><td>ISO-8601</td><td>{@code 2024-01-31}, {@code PT15M}</td></tr>
 *   <tr><td>{@link UUID}</td><td>lower-case 8-4-4-4-12</td><td>{@code 123e4567-e89b-12d3-a456-426614174000}</td></tr>
 *   <tr><td>{@link StableKey}</td><td>its {@code stableKey()}, double-quoted</td><td>{@code "strategy-7"}</td></tr>
 *   <tr><td>{@link List}, array</td><td>elements in order</td><td>{@code [1,2,3]}</td></tr>
 *   <tr><td>{@link Set}</td><td>elements sorted by their canonical form</td><td>{@code ["a","b"]}</td></tr>
 *   <tr><td>record</td><td>simple name and components in declaration order</td>
 *       <td>{@code Page(number=0,size=20)}</td></tr>
 * </table>
 * Any other type is rejected with an {@link IllegalArgumentException}: its {@code toString()} is not
 * guaranteed to be stable or even to identify the value.
 *
 * <p>Floating-point numbers are written as their exact binary value ({@code 0.1} becomes
 * {@code 0.1000000000000000055511151231257827021181583404541015625}) because {@link Double#toString} differs
 * between Java versions for some values.
 */
final class CanonicalForm {

    private CanonicalForm() {
    }

    /** Appends the canonical form of {@code value} to {@code out}. */
    static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character) {
            appendQuoted(out, value.toString());
        } else if (value instanceof StableKey stable) {
            appendQuoted(out, stable.stableKey());
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            appendFloatingPoint(out, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            out.append(plain(decimal));
        } else if (value instanceof Enum<?> constant) {
            out.append(constant.name());
        } else if (isIsoTemporal(value)) {
            out.append(value);
        } else if (value instanceof UUID) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            appendSequence(out, list);
        } else if (value instanceof Set<?> set) {
            out.append('[').append(String.join(",", set.stream().map(CanonicalForm::of).sorted().toList())).append(']');
        } else if (value.getClass().isArray()) {
            appendArray(out, value);
        } else if (value instanceof Record) {
            appendRecord(out, (Record) value);
        } else {
            throw new IllegalArgumentException(value.getClass().getName() + " has no canonical form: use strings, "
                    + "numbers, booleans, enums, java.time values, UUIDs, lists, sets, arrays or records of these, "
                    + "or a type that implements " + StableKey.class.getName());
        }
    }

    /** The canonical form of {@code value}. */
    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static boolean isIsoTemporal(Object value) {
        return value instanceof Instant || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof LocalTime || value instanceof OffsetDateTime || value instanceof OffsetTime
                || value instanceof ZonedDateTime || value instanceof Year || value instanceof YearMonth
                || value instanceof MonthDay || value instanceof Duration || value instanceof Period
                || value instanceof ZoneId;
    }

    private static void appendFloatingPoint(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("NaN");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "Infinity" : "-Infinity");
        } else {
            out.append(plain(new BigDecimal(value)));
        }
    }

    private static String plain(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    private static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendSequence(StringBuilder out, List<?> elements) {
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, elements.get(i));
        }
        out.append(']');
    }

    private static void appendArray(StringBuilder out, Object array) {
        out.append('[');
        int length = Array.getLength(array);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, Array.get(array, i));
        }
        out.append(']');
    }

    private static void appendRecord(StringBuilder out, Record value) {
        out.append(value.getClass().getSimpleName()).append('(');
        RecordComponent[] components = value.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(components[i].getName()).append('=');
            append(out, component(value, components[i]));
        }
        out.append(')');
    }

    private static Object component(Record value, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.trySetAccessible();
            return accessor.invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot read component " + component.getName() + " of "
                    + value.getClass().getName(), e);
        }
    }
}
