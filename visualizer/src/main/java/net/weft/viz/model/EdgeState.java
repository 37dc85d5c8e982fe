package net.weft.viz.model;

/** How far a connection between two peers got, as drawn; the order is from worst to best. */
public enum EdgeState {
    /** The underlay link is cut or the connection failed: nothing passes. */
    FAILED,
    /** A link with no connection yet (dialling or handshaking, or nobody tried). */
    CONNECTING,
    /** Control connection up, data plane not yet confirmed both ways. */
    PENDING,
    /** Both ends report the connection established. */
    ESTABLISHED
}
