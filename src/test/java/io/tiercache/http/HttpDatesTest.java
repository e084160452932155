package io.tiercache.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

    private static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void readsTheThreeFormsOfTheRfc() {
        assertEquals(Optional.of(RFC_EXAMPLE), HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(RFC_EXAMPLE), HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(RFC_EXAMPLE), HttpDates.parse("Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void writesImfFixdateToTheSecond() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(RFC_EXAMPLE.plusMillis(999)));
        assertEquals("Thu, 01 Jan 2026 00:00:00 GMT", HttpDates.format(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void eachSecondHasItsTextAndNowIsTheCurrentSecond() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(RFC_EXAMPLE));
        assertEquals("Sun, 06 Nov 1994 08:49:38 GMT", HttpDates.format(RFC_EXAMPLE.plusSeconds(1)));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(RFC_EXAMPLE.plusMillis(500)));
        assertEquals("Wed, 31 Dec 1969 23:59:59 GMT", HttpDates.format(Instant.parse("1969-12-31T23:59:59.500Z")));
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant now = HttpDates.parse(HttpDates.now()).orElseThrow();
        assertTrue(!now.isBefore(before) && !now.isAfter(Instant.now()), now + " is not now");
    }

    @Test
    void roundTrips() {
        Instant now = Instant.parse("2026-11-22T23:59:59Z");
        assertEquals(Optional.of(now), HttpDates.parse(HttpDates.format(now)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "0", "2026-11-22T10:00:00Z", "Sun, 06 Nov 1994 08:49:37 CET",
            "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Mon, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994", "-1"})
    void unparseableDatesAreEmpty(String value) {
        assertEquals(Optional.empty(), HttpDates.parse(value), value);
    }

    @Test
    void nullIsEmpty() {
        assertEquals(Optional.empty(), HttpDates.parse(null));
    }
}
