package net.weft.core.conn;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of one dial target in the connection maker (mesh's {@code targetState}).
 *
 * <pre>
 *             +---- due, token taken ----+            +--- connection registered ---+
 *             |                          v            |                             v
 *   (new) -> WAITING <--- dial failed --- ATTEMPTING --+                        CONNECTED
 *             ^  |    <--- handshake failed ---+                                    |
 *             |  |    <------------------------------- connection ended -----------+
 *   valid     |  | not valid, direct
 *   again     |  v
 *           SUSPENDED          (WAITING or SUSPENDED and not valid, not direct: forgotten)
 * </pre>
 *
 * <p>A target stays in its state while a check finds it still valid; only WAITING and SUSPENDED targets
 * are touched by a check, so a dial in flight or a live connection is never forgotten under it.
 */
public enum TargetState {
    /** Not connected; dialled when its retry time comes (or never, after a fatal error). */
    WAITING,
    /** A dial or handshake is in flight. */
    ATTEMPTING,
    /** Our outbound connection to it is registered. */
    CONNECTED,
    /** A direct target that needs no dial now (connected by other means); kept with its backoff. */
    SUSPENDED;

    /** The states this one may move to. */
    public Set<TargetState> successors() {
        switch (this) {
            case WAITING:
                return EnumSet.of(WAITING, ATTEMPTING, SUSPENDED);
            case ATTEMPTING:
                return EnumSet.of(WAITING, CONNECTED);
            case CONNECTED:
                return EnumSet.of(WAITING);
            default:
                return EnumSet.of(WAITING, SUSPENDED);
        }
    }

    /** True when {@code next} is an allowed successor. */
    public boolean canMoveTo(TargetState next) {
        return successors().contains(next);
    }

    /** True for the states a check may suspend or forget (no dial or connection is in flight). */
    public boolean idle() {
        return this == WAITING || this == SUSPENDED;
    }
}
