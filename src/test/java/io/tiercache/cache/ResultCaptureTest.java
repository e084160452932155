package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link ResultCapture}: one call captured is named, none or several are not; captures nest per thread. */
class ResultCaptureTest {

    @Test
    void onlyASingleCallIsNamed() {
        ResultCapture none = ResultCapture.begin();
        none.end();
        assertNull(none.single());

        ResultCapture one = ResultCapture.begin();
        ResultCapture.record(null, "k", "v");
        one.end();
        assertEquals(new ResultCapture.Entry(null, "k", "v"), one.single());

        ResultCapture two = ResultCapture.begin();
        ResultCapture.record(null, "k", "v");
        ResultCapture.record(null, "l", "w");
        two.end();
        assertNull(two.single(), "two calls: the response is not one entry's");
    }

    @Test
    void capturesNestAndEndOnTheirThread() throws InterruptedException {
        ResultCapture outer = ResultCapture.begin();
        ResultCapture inner = ResultCapture.begin();
        ResultCapture.record(null, "inner", 1);
        inner.end();
        Thread other = new Thread(() -> ResultCapture.record(null, "elsewhere", 2));
        other.start();
        other.join();
        ResultCapture.record(null, "outer", 3);
        outer.end();
        ResultCapture.record(null, "after", 4);
        assertEquals(new ResultCapture.Entry(null, "inner", 1), inner.single());
        assertEquals(new ResultCapture.Entry(null, "outer", 3), outer.single(),
                "the outer capture sees its own call only, not the inner's, another thread's or a later one");
    }
}
