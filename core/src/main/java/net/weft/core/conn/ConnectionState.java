package net.weft.core.conn;

/**
 * Life of one TCP connection as the router sees it.
 *
 * <pre>
 *   DIALLING --DialSucceeded--> HANDSHAKING --intro ok--> PENDING --overlay confirmed--> ESTABLISHED
 *       \                            \                        \                              \
 *        +-------DialFailed-----------+----refused/error-------+------------lost------------+--> CLOSED
 * </pre>
 *
 * <p>PENDING means the control connection works but data-plane heartbeats have not yet been confirmed
 * both ways; only ESTABLISHED connections (on both sides) carry data routes.
 */
public enum ConnectionState {
    /** The router asked the host to dial; no socket yet. */
    DIALLING,
    /** Socket open; protocol header, crypto flag and features are being exchanged. */
    HANDSHAKING,
    /** Registered with the topology; data plane not yet confirmed. */
    PENDING,
    /** Data-plane heartbeats confirmed; used for data routes. */
    ESTABLISHED,
    /** Finished; kept only in traces. */
    CLOSED;

    /** The status word Weave prints for this state. */
    public String statusWord() {
        switch (this) {
            case DIALLING:
            case HANDSHAKING:
                return "connecting";
            case PENDING:
                return "pending";
            case ESTABLISHED:
                return "established";
            default:
                return "closed";
        }
    }
}
