package net.weft.core;

import java.util.List;
import net.weft.core.effect.Effect;

/**
 * The result of one {@link Router#step}: effects for the host to execute in order, and the time at which
 * the host must call {@code step} again with a {@code Tick} if nothing else happens first.
 */
public record Step(List<Effect> effects, long nextDeadlineNs) {

    /** No deadline: nothing is scheduled. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    /** Defensive copy. */
    public Step {
        effects = List.copyOf(effects);
    }
}
