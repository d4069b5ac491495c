package org.clinicflow.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Keeps one {@link OutboxRelay} draining: it drains until the outbox is empty, then sleeps
 * on {@code LISTEN clinic_outbox} until a committed insert notifies it, or the poll interval
 * passes (a safety net for a missed notification). Database or broker trouble backs off
 * exponentially up to a ceiling and never ends the loop; {@link #stop()} does.
 */
public class RelayLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(RelayLoop.class);
    static final String CHANNEL = "clinic_outbox";

    private final OutboxRelay relay;
    private final DataSource dataSource;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private volatile boolean running = true;
    private volatile Thread thread;

    public RelayLoop(OutboxRelay relay, DataSource dataSource, Duration pollInterval, Duration maxBackoff) {
        this.relay = relay;
        this.dataSource = dataSource;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
    }

    /** Starts the loop on a daemon thread of its own. */
    public RelayLoop start(String threadName) {
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
                    int sent = relay.drainOnce();
                    // Only a batch that went through ends the backoff: a broker that keeps
                    // refusing must not be hammered every 100 ms.
                    backoffMillis = 100;
                    if (sent == 0) {
                        // Nothing to send (or every shard busy elsewhere): sleep until notified.
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
                LOG.warnf("outbox relay failed, retrying in %d ms: %s%s", backoffMillis, e.toString(),
                        e.getCause() == null ? "" : " (cause: " + e.getCause() + ")");
                if (!pause(backoffMillis)) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
            }
        }
    }

    private static void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
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
