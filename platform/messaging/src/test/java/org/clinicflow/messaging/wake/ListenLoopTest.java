package org.clinicflow.messaging.wake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicflow.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link ListenLoop}'s pacing against a real PostgreSQL's LISTEN/NOTIFY, with a drain that only
 * counts: a full pass is followed at once, one that is not full waits for the next
 * notification (even with the poll interval a minute long), a notification sent during a pass
 * is not lost, and passes never start closer together than the minimum gap.
 */
class ListenLoopTest {

    private static final String ROLE = "listen_loop_probe";
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    private final PGSimpleDataSource dataSource = dataSource();
    private final AtomicInteger notified = new AtomicInteger();
    /** For each pass, how many notifications the test had sent when it started. */
    private final List<Integer> passes = new CopyOnWriteArrayList<>();

    @Test
    void aFullPassIsFollowedAtOnceAndOneNotFullWaitsForTheNextNotification() throws Exception {
        CountDownLatch thirdPassDone = new CountDownLatch(1);
        ListenLoop loop = new ListenLoop("listen_loop_full", () -> {
            passes.add(notified.get());
            return switch (passes.size()) {
                case 1, 2 -> 10; // full: more may wait
                case 3 -> {
                    thirdPassDone.countDown();
                    yield 4; // not full: the queue was empty as of this pass
                }
                default -> 0;
            };
        }, dataSource, A_MINUTE, Duration.ofSeconds(1), 10, Duration.ZERO).start("listen-loop-full");
        try {
            assertTrue(thirdPassDone.await(10, TimeUnit.SECONDS), "two full passes are followed at once");
            notify("listen_loop_full");
            await().atMost(Duration.ofSeconds(10)).until(() -> passes.size() >= 4);

            assertEquals(List.of(0, 0, 0, 1), passes.subList(0, 4),
                    "after the pass that was not full, the next one waited for the notification");
        } finally {
            loop.stop();
        }
    }

    @Test
    void aNotificationSentDuringAPassWakesTheLoopAfterIt() throws Exception {
        CountDownLatch passStarted = new CountDownLatch(1);
        CountDownLatch notifiedDuringPass = new CountDownLatch(1);
        ListenLoop loop = new ListenLoop("listen_loop_during", () -> {
            passes.add(notified.get());
            if (passes.size() == 1) {
                passStarted.countDown();
                notifiedDuringPass.await(); // a row commits while this pass runs
                return 3;
            }
            return 0;
        }, dataSource, A_MINUTE, Duration.ofSeconds(1), 10, Duration.ZERO).start("listen-loop-during");
        try {
            assertTrue(passStarted.await(10, TimeUnit.SECONDS));
            notify("listen_loop_during");
            notifiedDuringPass.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> passes.size() >= 2);
            assertEquals(List.of(0, 1), passes.subList(0, 2), "the notification that came during the pass woke the loop");
        } finally {
            loop.stop();
        }
    }

    @Test
    void passesStartNoCloserThanTheMinimumGap() throws Exception {
        Duration gap = Duration.ofMillis(100);
        List<Long> starts = new CopyOnWriteArrayList<>();
        ListenLoop loop = new ListenLoop("listen_loop_gap", () -> {
            starts.add(System.nanoTime());
            return 1; // always full, so only the gap spaces the passes
        }, dataSource, A_MINUTE, Duration.ofSeconds(1), 1, gap).start("listen-loop-gap");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> starts.size() >= 5);
        } finally {
            loop.stop();
        }
        // The loop times the gap a few microseconds before the drain records its start: a
        // millisecond's allowance, against passes that would follow each other at once without it.
        long least = gap.minusMillis(1).toNanos();
        for (int i = 1; i < 5; i++) {
            long apart = starts.get(i) - starts.get(i - 1);
            assertTrue(apart >= least, "passes " + (i - 1) + " and " + i + " started " + apart / 1_000 + " µs apart");
        }
    }

    private void notify(String channel) throws SQLException {
        notified.incrementAndGet();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("NOTIFY " + channel);
        }
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestPostgres.database(ROLE));
        ds.setUser(ROLE);
        ds.setPassword(ROLE);
        return ds;
    }
}
