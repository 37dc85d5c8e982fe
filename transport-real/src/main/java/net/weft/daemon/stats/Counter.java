package net.weft.daemon.stats;

import java.util.Locale;

/** Every counter the daemon keeps, with its help text. All are monotonic totals. */
public enum Counter {
    /** TCP connections accepted on the control port. */
    TCP_ACCEPTED("TCP connections accepted on the control port."),
    /** Times accepting was paused because the accept throttle ran out of tokens. */
    TCP_ACCEPTS_THROTTLED("Times accepting was paused by the accept throttle."),
    /** Outbound TCP connections attempted. */
    TCP_DIALS("Outbound TCP connections attempted."),
    /** Outbound TCP connections that failed. */
    TCP_DIAL_FAILURES("Outbound TCP connections that failed."),
    /** Bytes read from peers' TCP connections. */
    TCP_RECEIVED_BYTES("Bytes read from TCP connections."),
    /** Bytes written to peers' TCP connections. */
    TCP_SENT_BYTES("Bytes written to TCP connections."),
    /** Connections closed because the peer did not read what we sent. */
    TCP_SEND_BACKLOG_CLOSES("Connections closed because their send backlog overflowed."),
    /** UDP datagrams received on the overlay port. */
    UDP_RECEIVED_DATAGRAMS("UDP datagrams received on the overlay port."),
    /** UDP datagrams sent from the overlay port. */
    UDP_SENT_DATAGRAMS("UDP datagrams sent from the overlay port."),
    /** UDP datagrams that could not be sent. */
    UDP_SEND_FAILURES("UDP datagrams that could not be sent."),
    /** Frames the router thread handed to the local bridge (the fast path's are counted by the core). */
    FRAMES_INJECTED("Frames the router itself handed to the local bridge (slow path; all frames:"
            + " weft_core_events_total{name=\"frames_delivered\"})."),
    /** Frames the router thread sent towards a neighbour (the fast path's are counted by the core). */
    FRAMES_FORWARDED("Frames the router itself forwarded to a neighbouring peer (slow path; all frames:"
            + " weft_core_events_total{name=\"frames_forwarded\"})."),
    /** Frames dropped by the router. */
    FRAMES_DROPPED("Frames dropped by the router."),
    /** Gossip messages sent. */
    GOSSIP_SENT_MESSAGES("Gossip messages sent."),
    /** Gossip payload bytes sent. */
    GOSSIP_SENT_BYTES("Gossip bytes sent."),
    /** Gossip messages received. */
    GOSSIP_RECEIVED_MESSAGES("Gossip messages received."),
    /** Gossip payload bytes received. */
    GOSSIP_RECEIVED_BYTES("Gossip bytes received."),
    /** Protocol violations by peers. */
    PEER_MISBEHAVIOURS("Protocol violations seen from peers."),
    /** UDP datagrams the router dropped. */
    DATAGRAMS_DROPPED("UDP datagrams dropped by the router."),
    /** Route table recalculations. */
    ROUTE_RECALCULATIONS("Route table recalculations."),
    /** Inputs fed to the router. */
    ROUTER_STEPS("Inputs fed to the router."),
    /** Turns of the router loop (each reads the clock once). */
    ROUTER_TURNS("Turns of the router loop."),
    /** Turns that left inputs queued for the next turn: the router is falling behind its sockets. */
    ROUTER_BACKLOGGED_TURNS("Turns that ended with inputs still queued (router falling behind).");

    private final String help;

    Counter(String help) {
        this.help = help;
    }

    /** The key in snapshots, e.g. {@code tcp_sent_bytes}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Prometheus metric name, e.g. {@code weft_tcp_sent_bytes_total}. */
    public String metricName() {
        return "weft_" + key() + "_total";
    }

    /** The Prometheus help text. */
    public String help() {
        return help;
    }
}
