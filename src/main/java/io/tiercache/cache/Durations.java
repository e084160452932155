package io.tiercache.cache;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses the duration values of the configuration: ISO-8601 ({@code PT5M}) or a number with a unit suffix
 * {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} ({@code 50ms}, {@code 5m}); a bare number is milliseconds.
 */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String property, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            char unit = value.charAt(value.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofMillis(Long.parseLong(value));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Property " + property + ": '" + text + "' is not a duration (use 50ms, 30s, 5m, 1h, 1d or PT5M)",
                    e);
        }
    }
}
