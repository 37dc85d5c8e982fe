package net.weft.daemon.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A hand-cranked loop for tests: tasks run only when the test calls {@link #runPending()} or advances time;
 * the clock is a plain field. Single-threaded; everything counts as "in the loop" only while a task runs.
 */
final class ManualScheduler implements LoopScheduler {

    long nowNs;
    int clockReads;
    private boolean running;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final List<Timed> timers = new ArrayList<>();
    private long sequence;

    private static final class Timed {
        final long dueNs;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Timed(long dueNs, long seq, Runnable task) {
            this.dueNs = dueNs;
            this.seq = seq;
            this.task = task;
        }
    }

    /** The clock the loop reads; counts reads. */
    long read() {
        clockReads++;
        return nowNs;
    }

    @Override
    public boolean inLoop() {
        return running;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNs) {
        Timed t = new Timed(nowNs + delayNs, sequence++, task);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    /** Live (not cancelled, not yet run) timers. */
    List<Long> timerDeadlines() {
        List<Long> out = new ArrayList<>();
        for (Timed t : timers) {
            if (!t.cancelled) {
                out.add(t.dueNs);
            }
        }
        return out;
    }

    /** Runs queued tasks until none is left. */
    void runPending() {
        while (!tasks.isEmpty()) {
            running = true;
            try {
                tasks.poll().run();
            } finally {
                running = false;
            }
        }
    }

    /** Moves time forward, running due timers in deadline order and the tasks they queue. */
    void advance(long byNs) {
        long target = nowNs + byNs;
        runPending();
        while (true) {
            Timed next = timers.stream().filter(t -> !t.cancelled && t.dueNs <= target)
                    .min(Comparator.<Timed>comparingLong(t -> t.dueNs).thenComparingLong(t -> t.seq)).orElse(null);
            if (next == null) {
                break;
            }
            nowNs = Math.max(nowNs, next.dueNs);
            next.cancelled = true;
            running = true;
            try {
                next.task.run();
            } finally {
                running = false;
            }
            runPending();
        }
        nowNs = target;
        timers.removeIf(t -> t.cancelled);
    }
}
