package net.weft.sim;

import java.util.Locale;

/** What the simulated network counts; printed in reports as lower-case names. */
public enum Counter {
    /** Inputs fed to routers. */
    ROUTER_STEPS,
    /** Dials asked for. */
    DIALS,
    /** Dials that connected. */
    DIALS_CONNECTED,
    /** Dials that failed. */
    DIALS_FAILED,
    /** SendBytes effects carried. */
    TCP_WRITES,
    /** Bytes carried on TCP streams. */
    TCP_BYTES,
    /** Connections torn down by the network (cut, partition, crash). */
    CONNECTIONS_BROKEN,
    /** Connections closed by a router. */
    CONNECTIONS_CLOSED,
    /** Datagrams sent by routers. */
    DATAGRAMS_SENT,
    /** Datagrams that arrived (duplicates count twice). */
    DATAGRAMS_DELIVERED,
    /** Datagrams dropped by the network (see the drop reasons). */
    DATAGRAMS_DROPPED,
    /** Datagram bytes sent. */
    DATAGRAM_BYTES,
    /** Frames containers put on bridges. */
    FRAMES_FROM_CONTAINERS,
    /** Frames handed to a router as captured. */
    FRAMES_CAPTURED,
    /** Frames injected by routers into bridges. */
    FRAMES_INJECTED,
    /** Frames a container received from its router. */
    FRAMES_TO_CONTAINERS;

    /** The report name, e.g. {@code tcp_bytes}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
