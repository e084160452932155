package io.tiercache.cache.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The fencing rules of {@link LoadCoordinator} on one member, with the messages of an invalidation arriving in
 * every order a real cluster can deliver them: late, reversed, or never.
 */
class LoadCoordinatorTest {

    private static final Duration LEASE = Duration.ofSeconds(40);

    private final AtomicLong nanos = new AtomicLong();
    /** The key sets removed from L1 for abandoned invalidations (null: every key), in order. */
    private final List<Set<String>> droppedFromL1 = new ArrayList<>();
    /** What the next removal from L1 answers: done unless a test holds it back or fails it. */
    private CompletableFuture<Void> nextDrop = CompletableFuture.completedFuture(null);
    private final LoadCoordinator loads = new LoadCoordinator(LEASE, nanos::get, texts -> {
        droppedFromL1.add(texts);
        return nextDrop;
    });

    /** Whether a load of {@code key} that starts now stores its value. */
    private boolean loadStores(String key) {
        AtomicBoolean stored = new AtomicBoolean();
        loads.run(key, true, flight -> {
            flight.publish(() -> stored.set(true));
            return new Outcome("v", Outcome.Source.LOADER);
        });
        return stored.get();
    }

    @Test
    void aKeyIsFencedFromBeginToEnd() {
        loads.begin("i1", List.of("k"), 1L, "m1");
        assertFalse(loadStores("k"), "fenced while the invalidation runs");
        assertTrue(loadStores("other"), "other keys are not fenced");
        loads.end("i1", List.of("k"));
        assertTrue(loadStores("k"), "no longer fenced once it ended");
    }

    @Test
    void anInvalidationOfAllKeysFencesEveryKey() {
        loads.begin("all", null, 1L, "m1");
        assertFalse(loadStores("a"));
        assertFalse(loadStores("b"));
        loads.end("all", null);
        assertTrue(loadStores("a"));
    }

    @Test
    void anEndThatOvertakesItsBeginLeavesNoFenceBehind() {
        loads.end("late", List.of("k"));
        loads.begin("late", List.of("k"), 1L, "m1");
        assertTrue(loadStores("k"), "the late BEGIN of an invalidation that already ended fences nothing");
        loads.end("late", List.of("k"));
        assertTrue(loadStores("k"));
    }

    @Test
    void anEndThatOvertakesItsBeginStillDetachesTheFlightsOfItsKeys() throws Exception {
        assertOvertakenFlightIsLeftBehind(() -> {
            loads.end("reversed", List.of("k"));
            loads.begin("reversed", List.of("k"), 1L, "m1");
        });
    }

    @Test
    void aFenceWhoseEndNeverArrivesLapsesAfterTheLeaseOnceItsKeysAreOutOfL1() {
        loads.begin("orphan", null, 1L, "m1");
        nanos.addAndGet(LEASE.toNanos() - 1);
        assertFalse(loadStores("k"), "still fenced within the lease");
        assertEquals(List.of(), droppedFromL1);
        nanos.addAndGet(1);
        assertTrue(loadStores("k"), "the lease ran out");
        assertEquals(Collections.singletonList(null), droppedFromL1, "every key left L1 first: the writer may have "
                + "stopped between Redis and L1");
    }

    @Test
    void aMemberBackFromAPauseLiftsTheFencesSentBeforeItResumed() {
        loads.begin("sent-while-paused", List.of("k"), 1_000L, "m1");
        loads.begin("sent-after", List.of("j"), 2_000L, "m1");
        loads.liftSentBefore(1_500L);
        assertTrue(loadStores("k"), "the END it missed no longer matters");
        assertFalse(loadStores("j"), "an invalidation sent since still fences its keys");
        assertEquals(List.of(Set.of("k")), droppedFromL1);
    }

    @Test
    void theKeysOfAMemberThatLeftLeaveL1AtOnceAndStayFencedForTheLease() {
        loads.begin("of-m1", List.of("k"), 1L, "m1");
        loads.begin("of-m2", List.of("j"), 1L, "m2");
        loads.senderLeft("m1");
        assertEquals(List.of(Set.of("k")), droppedFromL1, "only the keys of the member that left");
        assertFalse(loadStores("k"), "still fenced: a member dropped from the view may only be paused");
        nanos.addAndGet(LEASE.toNanos());
        assertTrue(loadStores("k"), "lifted when the lease lapses");
        assertEquals(2, Collections.frequency(droppedFromL1, Set.of("k")), "dropped again before the fence lifted");
    }

    @Test
    void aFailedRemovalFromL1KeepsTheFenceAndIsRetriedALeaseLater() {
        loads.begin("orphan", List.of("k"), 1L, "m1");
        nextDrop = CompletableFuture.failedFuture(new IllegalStateException("L1 unreachable"));
        nanos.addAndGet(LEASE.toNanos());
        assertFalse(loadStores("k"), "still fenced: its keys may still be in L1");
        nextDrop = CompletableFuture.completedFuture(null);
        nanos.addAndGet(LEASE.toNanos());
        assertTrue(loadStores("k"), "removed on the retry, then lifted");
        assertEquals(List.of(Set.of("k"), Set.of("k")), droppedFromL1);
    }

    @Test
    void overlappingInvalidationsOfOneKeyFenceUntilTheLastEnds() {
        loads.begin("i1", List.of("k"), 1L, "m1");
        loads.begin("i2", List.of("k"), 1L, "m1");
        loads.end("i1", List.of("k"));
        assertFalse(loadStores("k"));
        loads.end("i2", List.of("k"));
        assertTrue(loadStores("k"));
    }

    @Test
    void aReadThatStartsAfterBeginLeadsAFlightOfItsOwn() throws Exception {
        assertOvertakenFlightIsLeftBehind(() -> {
            loads.begin("i", List.of("k"), 1L, "m1");
            loads.end("i", List.of("k"));
        });
    }

    /**
     * A load of "k" reads "old" and blocks; {@code invalidation} runs; a read that starts afterwards must lead a
     * flight of its own ("new") and the overtaken load must store nothing.
     */
    private void assertOvertakenFlightIsLeftBehind(Runnable invalidation) throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean staleStored = new AtomicBoolean();
        CompletableFuture<Outcome> overtaken = CompletableFuture.supplyAsync(() -> loads.run("k", true, flight -> {
            loading.countDown();
            await(release);
            flight.publish(() -> staleStored.set(true));
            return new Outcome("old", Outcome.Source.LOADER);
        }));
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        invalidation.run();
        Outcome later = loads.run("k", true, flight -> new Outcome("new", Outcome.Source.LOADER));
        release.countDown();
        assertEquals("new", later.value(), "a read after the invalidation does not join the overtaken flight");
        assertEquals("old", overtaken.get(5, TimeUnit.SECONDS).value());
        assertFalse(staleStored.get(), "the overtaken flight stored nothing");
    }

    @Test
    void callersThatStartedBeforeTheInvalidationShareTheFlight() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Outcome> leader = CompletableFuture.supplyAsync(() -> loads.run("k", true, flight -> {
            loading.countDown();
            await(release);
            return new Outcome("v", Outcome.Source.LOADER);
        }));
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        CompletableFuture<Outcome> joiner = CompletableFuture.supplyAsync(() -> loads.run("k", true,
                flight -> new Outcome("second load", Outcome.Source.LOADER)));
        Thread.sleep(100);
        release.countDown();
        assertEquals("v", leader.get(5, TimeUnit.SECONDS).value());
        assertEquals("v", joiner.get(5, TimeUnit.SECONDS).value(), "one load for concurrent callers");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
