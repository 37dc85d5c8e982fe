package net.weft.sim;

/** Life of a simulated host. */
public enum HostState {
    /** Not started yet (joins later). */
    NEW,
    /** Running its router. */
    UP,
    /** Frozen: inputs queue up and are delivered on resume; its connections stall. */
    PAUSED,
    /** Crashed: router state lost; may restart with a new UID. */
    DOWN,
    /** Left the network for good; its links are gone. */
    GONE
}
