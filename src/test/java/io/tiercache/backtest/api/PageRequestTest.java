package io.tiercache.backtest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tiercache.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        assertEquals(new PageRequest(0, 20), PageRequest.parse(null, null));
        assertEquals(new PageRequest(0, 20), PageRequest.parse("", " "));
    }

    @Test
    void parsesAndComputesTheOffset() {
        PageRequest request = PageRequest.parse("3", " 25 ");
        assertEquals(new PageRequest(3, 25), request);
        assertEquals(75, request.offset());
        assertEquals(100, PageRequest.parse("0", "100").size());
    }

    @ParameterizedTest
    @CsvSource({"-1,10,page", "x,10,page", "1.5,10,page", "0,0,size", "0,101,size", "0,ten,size",
            "99999999999,10,page", "2147483647,100,page"})
    void rejectsOutOfRangeValuesNamingTheParameter(String page, String size, String field) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> PageRequest.parse(page, size));
        assertEquals(field, e.field());
    }
}
