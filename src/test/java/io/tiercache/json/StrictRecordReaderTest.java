package io.tiercache.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tiercache.problem.FieldError;
import io.tiercache.problem.InvalidBodyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictRecordReaderTest {

    record Sample(String name, Integer count, Long id, Double fraction, BigDecimal amount, LocalDate day) {
    }

    private static Sample read(String json) throws IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Sample read(byte[] json) throws IOException {
        return StrictRecordReader.read(Sample.class, new ByteArrayInputStream(json));
    }

    private static List<FieldError> errors(String json) {
        return assertThrows(InvalidBodyException.class, () -> read(json)).errors();
    }

    @Test
    void readsEveryComponentAndLeavesMissingOnesNull() throws IOException {
        Sample sample = read("{\"name\":\"a\\u00e9\",\"count\":1E1,\"id\":20.0,\"fraction\":0.5,\"amount\":12.34,"
                + "\"day\":\"2020-02-29\"}");
        assertEquals(new Sample("aé", 10, 20L, 0.5, new BigDecimal("12.34"), LocalDate.of(2020, 2, 29)), sample);
        assertNull(read("{\"name\":null}").name());
        assertEquals(0, read("{\"count\":-0}").count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"count|4294967306", "count|20.5", "count|1e400", "count|-1e1000000000",
            "count|1e-1000000000", "count|2147483648", "id|9223372036854775808", "id|1.5", "fraction|1e400",
            "fraction|1e-400", "fraction|-1E+999999999", "amount|1e1000000000", "amount|1e-101",
            "count|1e99999999999", "count|1.00000000000000000000000000000000000000000000000000000000000000001",
            "count|\"5\"", "fraction|true", "name|5", "name|[1]", "day|\"2016-13-45\"", "day|20160101"})
    void aValueItsComponentCannotHoldIsNamed(String field, String value) {
        assertEquals(field, errors("{\"" + field + "\":" + value + "}").get(0).field());
    }

    @Test
    void unknownAndRepeatedNamesAreNamedTogether() {
        List<FieldError> errors = errors("{\"Name\":1,\"name\":\"a\",\"name\":\"b\",\"x\":{\"y\":[[[{}]]]},"
                + "\"count\":\"z\"}");
        assertEquals(List.of("Name", "name", "x", "count"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void anythingButOneObjectIsABodyError() {
        for (String json : List.of("", "[]", "1", "\"x\"", "{", "{\"name\":", "{} {}", "{}x", "{\"a\" 1}",
                "[".repeat(100_000), "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}x")) {
            assertEquals("body", errors(json).get(0).field(), json.length() > 40 ? json.substring(0, 40) : json);
        }
    }

    @Test
    void deepValuesUnderUnknownNamesAreSkipped() {
        String deep = "{\"x\":" + "[".repeat(500) + "]".repeat(500) + ",\"y\":{\"z\":[{}]}}";
        assertEquals(List.of("x", "y"), errors(deep).stream().map(FieldError::field).toList());
        String tooDeep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals("body", errors(tooDeep).get(0).field(), "past the parser's nesting limit");
    }

    @ParameterizedTest
    @CsvSource({"C328", "80", "C0AF", "EDA080", "F4908080", "FF", "E282", "F09F98"})
    void invalidUtf8IsABodyError(String hex) {
        byte[] bad = HexFormat.of().parseHex("7B226E616D65223A22" + hex + "227D");
        InvalidBodyException error = assertThrows(InvalidBodyException.class, () -> read(bad));
        assertEquals(List.of(new FieldError("body", "is not valid UTF-8")), error.errors());
    }

    @Test
    void stringsWithNulOrUnpairedSurrogatesAreRefused() {
        assertEquals("name", errors("{\"name\":\"a\\u0000\"}").get(0).field());
        assertEquals("name", errors("{\"name\":\"\\ud800\"}").get(0).field());
        assertEquals("name", errors("{\"name\":\"\\udc00x\"}").get(0).field());
    }

    /** A body of half a million names is answered with a bounded list of errors: each repeated name once, at most 50. */
    @Test
    void manyBadNamesGiveABoundedListOfErrors() {
        List<FieldError> repeated = errors("{\"name\":\"x\"" + ",\"n\":1".repeat(500_000) + "}");
        assertEquals(List.of("n is not a property of this body", "n appears more than once"),
                repeated.stream().map(error -> error.field() + " " + error.message().split(" \\(")[0]).toList());
        StringBuilder distinct = new StringBuilder("{\"name\":\"x\"");
        for (int i = 0; i < 500_000; i++) {
            distinct.append(",\"n").append(i).append("\":1");
        }
        List<FieldError> unknown = errors(distinct.append('}').toString());
        assertEquals(StrictRecordReader.MAX_ERRORS + 1, unknown.size());
        assertEquals(new FieldError("body", "has " + (500_000 - StrictRecordReader.MAX_ERRORS)
                + " more errors, not listed"), unknown.get(StrictRecordReader.MAX_ERRORS));
    }
}
