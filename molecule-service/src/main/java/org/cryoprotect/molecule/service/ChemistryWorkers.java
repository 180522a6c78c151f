package org.cryoprotect.molecule.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.config.ChemistryConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The threads CDK runs on: a fixed pool of its own with a bounded queue, and a time budget per
 * computation. CDK's algorithms do not check for interruption, so a computation over budget cannot be
 * stopped: the caller gets {@link OverBudget} at once and the thread finishes the abandoned work on its
 * own, its result dropped. It touches only its own thread's CDK objects, so abandoning it is safe;
 * the pool being fixed, stuck threads cost capacity, never more threads (gauge
 * {@code cryo.chemistry.abandoned}). Work that waits too long for a thread gets {@link Busy}.
 */
@ApplicationScoped
public class ChemistryWorkers {

    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int OVER = 2;

    private final ThreadPoolExecutor executor;
    private final Vertx vertx;
    private final long budgetMs;
    private final long queueTimeoutMs;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Counter overBudget;
    private final Counter busy;

    public ChemistryWorkers(ChemistryConfig config, Vertx vertx, MeterRegistry registry) {
        int threads = config.threads().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger numbers = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queueSize()), work -> {
                    Thread thread = new Thread(work, "cryo-chemistry-" + numbers.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.vertx = vertx;
        this.budgetMs = config.timeBudget().toMillis();
        this.queueTimeoutMs = config.queueTimeout().toMillis();
        Gauge.builder("cryo.chemistry.abandoned", abandoned, AtomicInteger::get)
                .description("Chemistry threads still busy with work abandoned over its time budget").register(registry);
        Gauge.builder("cryo.chemistry.queued", executor, e -> e.getQueue().size())
                .description("Chemistry computations waiting for a thread").register(registry);
        this.overBudget = Counter.builder("cryo.chemistry.over.budget")
                .description("Computations abandoned over cryo.chemistry.time-budget (answered 422 too complex)").register(registry);
        this.busy = Counter.builder("cryo.chemistry.busy")
                .description("Computations refused because no chemistry thread became free (answered 503)").register(registry);
    }

    /** How many computations run at once. */
    public int threads() {
        return executor.getCorePoolSize();
    }

    /** Runs {@code work} on a chemistry thread; the item is delivered on the caller's Vert.x context. */
    public <T> Uni<T> run(Callable<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Task<T> task = new Task<>(work, emitter, vertx.getOrCreateContext());
            try {
                executor.execute(task.future);
            } catch (RejectedExecutionException e) {
                busy.increment();
                emitter.fail(new Busy());
                return;
            }
            long queueTimer = vertx.setTimer(queueTimeoutMs, id -> task.giveUpWaiting());
            task.queueTimer = queueTimer;
            emitter.onTermination(task::dropIfWaiting); // a client that went away frees its place in the queue
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private final class Task<T> {
        final AtomicInteger state = new AtomicInteger(WAITING);
        final FutureTask<Void> future = new FutureTask<>(this::compute, null);
        final Callable<T> work;
        final UniEmitter<? super T> emitter;
        final Context context;
        volatile long queueTimer = -1;

        Task(Callable<T> work, UniEmitter<? super T> emitter, Context context) {
            this.work = work;
            this.emitter = emitter;
            this.context = context;
        }

        void dropIfWaiting() {
            if (state.compareAndSet(WAITING, OVER)) {
                executor.remove(future);
            }
        }

        void giveUpWaiting() {
            if (state.compareAndSet(WAITING, OVER)) {
                executor.remove(future);
                busy.increment();
                context.runOnContext(v -> emitter.fail(new Busy()));
            }
        }

        private void compute() {
            if (!state.compareAndSet(WAITING, RUNNING)) {
                return;
            }
            if (queueTimer >= 0) {
                vertx.cancelTimer(queueTimer);
            }
            long budgetTimer = vertx.setTimer(budgetMs, id -> {
                if (state.compareAndSet(RUNNING, OVER)) {
                    abandoned.incrementAndGet();
                    overBudget.increment();
                    context.runOnContext(v -> emitter.fail(new OverBudget(budgetMs)));
                }
            });
            try {
                T result = work.call();
                finish(budgetTimer, () -> emitter.complete(result));
            } catch (Throwable failure) {
                finish(budgetTimer, () -> emitter.fail(failure));
            }
        }

        private void finish(long budgetTimer, Runnable deliver) {
            vertx.cancelTimer(budgetTimer);
            if (state.compareAndSet(RUNNING, OVER)) {
                context.runOnContext(v -> deliver.run());
            } else {
                abandoned.decrementAndGet(); // the caller was answered already; this thread is free again
            }
        }
    }

    /** The computation ran out of cryo.chemistry.time-budget and was abandoned. */
    public static final class OverBudget extends RuntimeException {
        OverBudget(long budgetMs) {
            super("did not finish within " + budgetMs + " ms", null, false, false);
        }
    }

    /** No chemistry thread became free within cryo.chemistry.queue-timeout, or the queue was full. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("no chemistry thread is free", null, false, false);
        }
    }
}
