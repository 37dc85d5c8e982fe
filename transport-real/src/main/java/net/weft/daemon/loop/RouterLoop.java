package net.weft.daemon.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import net.weft.core.Step;
import net.weft.core.effect.Effect;
import net.weft.core.input.Input;
import net.weft.daemon.render.StatusSnapshot;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one router on one thread: queues inputs, runs turns, executes effects, keeps exactly one timer armed
 * and publishes status snapshots. See the package documentation for the duty cycle.
 */
public final class RouterLoop {

    /** Snapshots are published at most this often, with a trailing publish after the last change. */
    public static final long PUBLISH_INTERVAL_NS = 100_000_000L;
    /** A turn feeds at most this many inputs, then yields the thread so sockets are served fairly. */
    public static final int MAX_INPUTS_PER_TURN = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(RouterLoop.class);

    private final RouterDriver router;
    private final LoopScheduler scheduler;
    private final LongSupplier clockNs;
    private final EffectExecutor executor;
    private final SnapshotFactory snapshots;
    private final DaemonCounters counters;
    private final ArrayDeque<Input> queue = new ArrayDeque<>();
    private final List<CompletableFuture<StatusSnapshot>> waiters = new ArrayList<>();

    private volatile StatusSnapshot published;
    private boolean turnScheduled;
    private boolean inTurn;
    private boolean closed;
    private long lastNowNs;
    private long nextDeadlineNs = Step.NO_DEADLINE;
    private long armedDeadlineNs = Step.NO_DEADLINE;
    private LoopScheduler.Cancellable timer;
    private long lastPublishNs = Long.MIN_VALUE;
    private boolean trailingPublishScheduled;

    /** Builds the status snapshot from the router's view and the daemon's counters; runs on the loop thread. */
    @FunctionalInterface
    public interface SnapshotFactory {
        /** A snapshot of {@code view} taken now. */
        StatusSnapshot take(net.weft.core.view.RouterView view, java.util.SortedMap<String, Long> counters);
    }

    /**
     * A loop for {@code router} on {@code scheduler}'s thread, reading time from {@code clockNs} (monotonic
     * nanoseconds), executing effects with {@code executor}.
     */
    public RouterLoop(RouterDriver router, LoopScheduler scheduler, LongSupplier clockNs, EffectExecutor executor,
            SnapshotFactory snapshots, DaemonCounters counters) {
        this.router = router;
        this.scheduler = scheduler;
        this.clockNs = clockNs;
        this.executor = executor;
        this.snapshots = snapshots;
        this.counters = counters;
    }

    /**
     * Starts the loop: feeds {@code initial} inputs (e.g. the launch targets) and a first {@code Tick} in one
     * turn, and completes with the first published snapshot, which already reflects them.
     */
    public CompletableFuture<StatusSnapshot> start(List<Input> initial) {
        CompletableFuture<StatusSnapshot> first = new CompletableFuture<>();
        onLoop(() -> {
            waiters.add(first);
            initial.forEach(this::enqueue);
            enqueue(Input.Tick.INSTANCE);
        });
        return first;
    }

    /** Queues {@code input} for the router; safe from any thread. */
    public void submit(Input input) {
        onLoop(() -> enqueue(input));
    }

    /**
     * Queues several inputs in order with one hand-over to the loop thread (one wake-up instead of one per
     * input): how the data path's capture thread passes a burst of frames. Safe from any thread.
     */
    public void submitAll(List<Input> inputs) {
        onLoop(() -> inputs.forEach(this::enqueue));
    }

    /**
     * Queues {@code input} and completes, after the turn that processed it, with a freshly published snapshot;
     * for admin requests whose answer should reflect their effect.
     */
    public CompletableFuture<StatusSnapshot> submitAndPublish(Input input) {
        CompletableFuture<StatusSnapshot> done = new CompletableFuture<>();
        onLoop(() -> {
            if (closed) {
                done.completeExceptionally(new IllegalStateException("router loop stopped"));
                return;
            }
            waiters.add(done);
            enqueue(input);
        });
        return done;
    }

    /** The latest published snapshot; never null after {@link #start()} has run. */
    public StatusSnapshot snapshot() {
        return published;
    }

    /** Stops taking inputs and disarms the timer. */
    public void close() {
        onLoop(() -> {
            closed = true;
            queue.clear();
            disarm();
            waiters.forEach(w -> w.completeExceptionally(new IllegalStateException("router loop stopped")));
            waiters.clear();
        });
    }

    /** The deadline the single timer is armed for, {@link Step#NO_DEADLINE} when none (for tests). */
    long armedDeadlineNs() {
        return armedDeadlineNs;
    }

    private void onLoop(Runnable task) {
        if (scheduler.inLoop()) {
            task.run();
        } else {
            scheduler.execute(task);
        }
    }

    private void enqueue(Input input) {
        if (closed) {
            return;
        }
        queue.add(input);
        if (!inTurn && !turnScheduled) {
            turnScheduled = true;
            scheduler.execute(this::turn);
        }
    }

    /** One duty cycle: clock once, drain inputs (bounded), execute effects, arm the timer, publish. */
    private void turn() {
        turnScheduled = false;
        if (closed) {
            return;
        }
        inTurn = true;
        long nowNs = Math.max(lastNowNs, clockNs.getAsLong());
        lastNowNs = nowNs;
        counters.increment(Counter.ROUTER_TURNS);
        int fed = 0;
        try {
            while (!queue.isEmpty() && fed < MAX_INPUTS_PER_TURN) {
                feed(nowNs, queue.poll());
                fed++;
            }
            executor.endOfTurn();
        } finally {
            inTurn = false;
        }
        if (!queue.isEmpty() && !closed) {
            counters.increment(Counter.ROUTER_BACKLOGGED_TURNS);
            turnScheduled = true;
            scheduler.execute(this::turn);
        }
        arm(nowNs);
        if (!waiters.isEmpty() && queue.isEmpty()) {
            StatusSnapshot s = publish(nowNs);
            List<CompletableFuture<StatusSnapshot>> done = new ArrayList<>(waiters);
            waiters.clear();
            done.forEach(w -> w.complete(s));
        } else {
            publishSoon(nowNs);
        }
    }

    private void feed(long nowNs, Input input) {
        Step step;
        try {
            step = router.step(nowNs, input);
        } catch (RuntimeException bug) {
            LOG.error("router failed on {}: {}", input.getClass().getSimpleName(), bug.toString(), bug);
            return;
        }
        counters.increment(Counter.ROUTER_STEPS);
        nextDeadlineNs = step.nextDeadlineNs();
        for (Effect effect : step.effects()) {
            try {
                executor.execute(effect);
            } catch (RuntimeException bug) {
                LOG.error("executing {} failed: {}", effect.getClass().getSimpleName(), bug.toString(), bug);
            }
        }
    }

    /** Keeps exactly one timer, armed at the router's next deadline. */
    private void arm(long nowNs) {
        if (closed || nextDeadlineNs == armedDeadlineNs) {
            return;
        }
        disarm();
        if (nextDeadlineNs == Step.NO_DEADLINE) {
            return;
        }
        long deadline = nextDeadlineNs;
        armedDeadlineNs = deadline;
        timer = scheduler.schedule(() -> {
            if (armedDeadlineNs == deadline) {
                armedDeadlineNs = Step.NO_DEADLINE;
                timer = null;
                enqueue(Input.Tick.INSTANCE);
            }
        }, Math.max(0, deadline - nowNs));
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        armedDeadlineNs = Step.NO_DEADLINE;
    }

    private void publishSoon(long nowNs) {
        long dueNs = lastPublishNs == Long.MIN_VALUE ? nowNs : lastPublishNs + PUBLISH_INTERVAL_NS;
        if (nowNs - dueNs >= 0) {
            publish(nowNs);
        } else if (!trailingPublishScheduled) {
            trailingPublishScheduled = true;
            scheduler.schedule(() -> {
                trailingPublishScheduled = false;
                if (!closed) {
                    publish(Math.max(lastNowNs, clockNs.getAsLong()));
                }
            }, dueNs - nowNs);
        }
    }

    private StatusSnapshot publish(long nowNs) {
        StatusSnapshot s = snapshots.take(router.view(), counters.snapshot());
        published = s;
        lastPublishNs = nowNs;
        return s;
    }
}
