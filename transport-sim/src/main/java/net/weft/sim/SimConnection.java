package net.weft.sim;

import net.weft.core.id.ConnectionId;

/**
 * One simulated TCP connection between two hosts: side 0 dialled, side 1 accepted. Each direction is an
 * ordered stream: an arrival time is never earlier than the previous arrival in that direction, so
 * bytes are never reordered even when the link latency changes.
 *
 * <p>A side is open until its router closes it or is told it closed; {@code broken} marks a connection
 * torn by the network (cut, partition, crash), after which bytes in flight are lost.
 */
final class SimConnection {

    final int[] host = new int[2];
    final ConnectionId[] id = new ConnectionId[2];
    final int[] incarnation = new int[2];
    final boolean[] open = {true, true};
    final long[] lastArrivalNs = new long[2];
    boolean broken;

    SimConnection(int dialler, ConnectionId dialledId, int dialIncarnation, int acceptor, ConnectionId acceptedId,
            int acceptIncarnation) {
        host[0] = dialler;
        id[0] = dialledId;
        incarnation[0] = dialIncarnation;
        host[1] = acceptor;
        id[1] = acceptedId;
        incarnation[1] = acceptIncarnation;
    }

    /** The side that {@code hostIndex} holds. */
    int sideOf(int hostIndex) {
        return host[0] == hostIndex ? 0 : 1;
    }
}
