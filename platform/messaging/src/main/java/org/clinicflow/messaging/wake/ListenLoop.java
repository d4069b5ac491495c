package org.clinicflow.messaging.wake;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps a queue in the database drained without polling it: it drains while a pass comes back
 * full, then sleeps on {@code LISTEN <channel>} until a committed insert notifies it (a
 * trigger's {@code pg_notify}), or the poll interval passes (a safety net for a missed
 * notification, and the clock for rows due later). A pass that was not full saw the queue
 * empty: whatever commits after it notifies, so asking again at once would only cost an empty
 * pass (two transactions, once per wake-up). Passes start at most once per {@code minGap}, so
 * under load a pass carries what queued meanwhile, while an idle queue's first row still goes
 * at once. Trouble backs off exponentially up to a ceiling and never ends the loop;
 * {@link #stop()} does. Runs the outbox relay ({@code clinic_outbox}) and notification's SMS
 * dispatcher ({@code clinic_sms}); tested by {@code ListenLoopTest}, {@code OutboxGuaranteesTest}
 * and {@code NotificationFlowTest}.
 */
public class ListenLoop implements Runnable {

    /** One pass over the queue: how many rows it handled (0 sends the loop to sleep). */
    @FunctionalInterface
    public interface Drain {
        int drainOnce() throws SQLException, InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(ListenLoop.class);

    private final String channel;
    private final Drain drain;
    private final DataSource dataSource;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final int fullPass;
    private final long minGapNanos;
    private volatile boolean running = true;
    private volatile Thread thread;

    /**
     * @param fullPass how many rows a pass handles when it may have left some behind (the drain's
     *        batch size); a pass that handles fewer waits for the next notification
     * @param minGap the least time from one pass's start to the next's ({@link Duration#ZERO}: none)
     */
    public ListenLoop(String channel, Drain drain, DataSource dataSource, Duration pollInterval, Duration maxBackoff,
            int fullPass, Duration minGap) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        if (fullPass < 1 || minGap.isNegative()) {
            throw new IllegalArgumentException("a full pass is at least one row and the gap not negative");
        }
        this.channel = channel;
        this.drain = drain;
        this.dataSource = dataSource;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.fullPass = fullPass;
        this.minGapNanos = minGap.toNanos();
    }

    /** Starts the loop on a daemon thread of its own. */
    public ListenLoop start(String threadName) {
        Thread t = new Thread(this, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    public void stop() throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(Duration.ofSeconds(10).toMillis());
        }
    }

    @Override
    public void run() {
        long backoffMillis = 100;
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                listen(listener);
                PGConnection notifications = listener.unwrap(PGConnection.class);
                long lastPass = System.nanoTime() - minGapNanos;
                while (running) {
                    if (!pauseUntil(lastPass + minGapNanos)) {
                        return;
                    }
                    lastPass = System.nanoTime();
                    int handled = drain.drainOnce();
                    // Only a pass that went through ends the backoff: a broker that keeps
                    // refusing must not be hammered every 100 ms.
                    backoffMillis = 100;
                    if (handled < fullPass) {
                        // Drained as of this pass (or every shard busy elsewhere): sleep until a
                        // commit notifies; one that came during the pass is already waiting here.
                        awaitNotification(notifications);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s loop failed, retrying in %d ms: %s%s", channel, backoffMillis, e.toString(),
                        e.getCause() == null ? "" : " (cause: " + e.getCause() + ")");
                if (!pause(backoffMillis)) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
    }

    /**
     * Waits for a notification or the poll interval, in slices of at most a second so that
     * {@link #stop()} is not kept waiting by a long interval (a blocked socket read ignores interrupts).
     */
    private void awaitNotification(PGConnection notifications) throws SQLException {
        long deadline = System.nanoTime() + pollInterval.toNanos();
        for (long left = pollInterval.toMillis(); running && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            PGNotification[] received = notifications.getNotifications((int) Math.min(left, 1_000));
            if (received != null && received.length > 0) {
                return;
            }
        }
    }

    /** Sleeps until {@code deadline} ({@link System#nanoTime()}); false when stopped meanwhile. */
    private boolean pauseUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            if (!pause(Math.max(1, left / 1_000_000))) {
                return false;
            }
        }
        return running;
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
