package org.clinicflow.messaging.wake;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Keeps a queue in the database drained without polling it: it drains until a pass finds
 * nothing, then sleeps on {@code LISTEN <channel>} until a committed insert notifies it (a
 * trigger's {@code pg_notify}), or the poll interval passes (a safety net for a missed
 * notification, and the clock for rows due later). Trouble backs off exponentially up to a
 * ceiling and never ends the loop; {@link #stop()} does. Runs the outbox relay
 * ({@code clinic_outbox}) and notification's SMS dispatcher ({@code clinic_sms}); tested by
 * {@code OutboxGuaranteesTest} and {@code NotificationFlowTest}.
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
    private volatile boolean running = true;
    private volatile Thread thread;

    public ListenLoop(String channel, Drain drain, DataSource dataSource, Duration pollInterval, Duration maxBackoff) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.channel = channel;
        this.drain = drain;
        this.dataSource = dataSource;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
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
                while (running) {
                    int handled = drain.drainOnce();
                    // Only a pass that went through ends the backoff: a broker that keeps
                    // refusing must not be hammered every 100 ms.
                    backoffMillis = 100;
                    if (handled == 0) {
                        // Nothing to do (or every shard busy elsewhere): sleep until notified.
                        notifications.getNotifications((int) pollInterval.toMillis());
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
