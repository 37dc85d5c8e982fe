package net.weft.daemon.loop;

/**
 * The thread the router lives on: run a task on it, or later. Implemented over a netty event loop in the
 * daemon and by a hand-cranked queue in tests.
 */
public interface LoopScheduler {

    /** True when called on the loop thread. */
    boolean inLoop();

    /** Runs {@code task} on the loop thread soon, after tasks already queued. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop thread after {@code delayNs}; the handle cancels it. */
    Cancellable schedule(Runnable task, long delayNs);

    /** A scheduled task that may still be cancelled. */
    interface Cancellable {
        /** Cancels the task if it has not run yet. */
        void cancel();
    }
}
