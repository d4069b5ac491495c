package org.clinicflow.portal.page;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * The threads a page's service calls run on, apart from the request threads: a page handler
 * waits for its calls, and if they queued on the same pool a burst of pages could take every
 * thread and wait forever for calls that never start. Hand-built with the MicroProfile builder
 * (not the injected default executor) for that reason; it carries the request's context (CDI,
 * security: the user's token reaches the services). Proven by {@code CasePageTest} (calls overlap,
 * each with the token).
 */
@ApplicationScoped
public class ServiceCalls {

    /** At most this many service calls at once across all pages; more wait their turn. */
    static final int THREADS = 64;

    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(THREADS).maxQueued(-1)
            .propagated(ThreadContext.ALL_REMAINING).build();

    public <T> CompletableFuture<T> start(Supplier<T> call) {
        return executor.supplyAsync(call);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
