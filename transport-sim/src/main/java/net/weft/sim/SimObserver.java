package net.weft.sim;

import net.weft.core.input.Input;
import net.weft.core.trace.TraceEvent;

/**
 * Watches a simulation: every input fed to a router, every trace event a router reports, and every note
 * the simulator itself makes (faults applied, packets lost and why). Called synchronously; must not call
 * back into the simulation except to read it.
 */
public interface SimObserver {

    /** Host {@code host} is about to step with {@code input} at {@code nowNs}. */
    default void input(long nowNs, int host, Input input) {
    }

    /** A router on {@code host} reported {@code event}. */
    default void trace(int host, TraceEvent event) {
    }

    /** The simulator did or saw {@code what} (a fault, a loss) at {@code nowNs}. */
    default void note(long nowNs, String what) {
    }
}
