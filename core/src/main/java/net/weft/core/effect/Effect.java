package net.weft.core.effect;

import net.weft.core.fastpath.FastPathTable;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;

/**
 * What a router asks its host to do, as data. Effects are imperatives; the host executes them in order.
 * The same list can be executed by netty, by the simulator, written to a replay log or drawn by the viewer.
 */
public sealed interface Effect {

    /** Open a TCP connection to {@code target}; report the outcome with {@code DialSucceeded/DialFailed}. */
    record Dial(ConnectionId id, Endpoint target) implements Effect { }

    /**
     * Write these bytes on the connection, after everything written before. The array may be shared by several
     * effects (one gossip message sent to several neighbours), so executors read it and never write to it.
     */
    record SendBytes(ConnectionId id, byte[] bytes) implements Effect { }

    /** Close the connection; no more inputs are expected for it. */
    record CloseConnection(ConnectionId id, String reason) implements Effect { }

    /** Send one UDP datagram from the overlay port. */
    record SendDatagram(Endpoint to, byte[] payload) implements Effect { }

    /** Inject this Ethernet frame into the local bridge. */
    record DeliverFrame(byte[] frame) implements Effect { }

    /**
     * Give the fast path this table; it replaces the previous one. Emitted only after {@code Input.FastPathStarted},
     * at the end of a step in which routes, MAC owners or usable sleeve connections changed.
     */
    record InstallFastPath(FastPathTable table) implements Effect { }
}
