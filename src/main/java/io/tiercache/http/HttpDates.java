package io.tiercache.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110, section 5.6.7): written as IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}); read as
 * IMF-fixdate and the two obsolete forms, RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime
 * ({@code Sun Nov  6 08:49:37 1994}). Thread-safe.
 *
 * <p>The current second is kept with its text, so that writing the current time on every response (the {@code Date}
 * field) formats it once a second.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.SMART);

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter
            .ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private static volatile Formatted now = new Formatted(Long.MIN_VALUE, null);

    private HttpDates() {
    }

    /** {@code instant} as an IMF-fixdate, to the second (HTTP dates have no fraction). */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(instant.getEpochSecond()));
    }

    /** The current time as an IMF-fixdate (the value of a {@code Date} field), formatted once a second. */
    public static String now() {
        long second = Instant.now().getEpochSecond();
        Formatted known = now;
        if (known.second() == second) {
            return known.text();
        }
        String text = IMF_FIXDATE.format(Instant.ofEpochSecond(second));
        now = new Formatted(second, text);
        return text;
    }

    /** The instant of an HTTP date in any of the three forms; empty for anything else (including null). */
    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(ZonedDateTime.parse(text, IMF_FIXDATE).toInstant());
        } catch (DateTimeParseException notImf) {
            for (DateTimeFormatter obsolete : List.of(RFC_850, ASCTIME)) {
                try {
                    return Optional.of(LocalDateTime.parse(text, obsolete).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notThisOne) {
                    // try the next form
                }
            }
            return Optional.empty();
        }
    }

    /** A second since the epoch and its IMF-fixdate. */
    private record Formatted(long second, String text) {
    }
}
