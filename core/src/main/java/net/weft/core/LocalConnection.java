package net.weft.core;

import net.weft.core.conn.ConnectionState;
import net.weft.core.conn.Handshake;
import net.weft.core.conn.RemoteIntro;
import net.weft.core.conn.TcpSession;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.OverlayForwarder;
import net.weft.core.overlay.SleeveChannel;
import net.weft.core.wire.FrameReader;

/**
 * Everything the router keeps about one of its TCP connections: where it goes, how far the handshake got,
 * who is at the other end, its timers and its data-plane forwarder. Mutable, owned by the router.
 */
final class LocalConnection {

    final ConnectionId id;
    final boolean outbound;
    /** For outbound connections the dialled target (also the maker's key); for inbound the remote address. */
    final Endpoint remoteAddress;
    ConnectionState state;
    Endpoint localAddress;
    Handshake handshake;
    FrameReader reader;
    RemoteIntro intro;
    OverlayForwarder forwarder;
    /** Seals what we send and opens what we receive after an encrypted handshake; null on plain connections. */
    TcpSession tcp;
    /** How our sleeve datagrams to this peer look on the wire; plain until the overlay starts. */
    SleeveChannel sleeve = SleeveChannel.plain();
    /** A dial to a user-given target (may introduce an unknown peer); discovered targets may not. */
    boolean direct;
    /** True once this connection holds the peer's slot in the topology (after registration). */
    boolean registered;
    long openedNs;
    long registeredNs;
    long lastReceivedNs;
    long handshakeDeadlineNs = Long.MAX_VALUE;
    long nextHeartbeatNs = Long.MAX_VALUE;

    LocalConnection(ConnectionId id, boolean outbound, Endpoint remoteAddress, ConnectionState state, long nowNs) {
        this.id = id;
        this.outbound = outbound;
        this.remoteAddress = remoteAddress;
        this.state = state;
        this.openedNs = nowNs;
        this.lastReceivedNs = nowNs;
    }

    /** The remote peer, once the handshake named it. */
    PeerName remote() {
        return intro == null ? PeerName.UNKNOWN : intro.name();
    }

    String remoteNickname() {
        return intro == null ? "" : intro.nickname();
    }

    boolean live() {
        return state == ConnectionState.PENDING || state == ConnectionState.ESTABLISHED;
    }

    long nextDeadlineNs(long readTimeoutNs) {
        long d = Math.min(handshakeDeadlineNs, nextHeartbeatNs);
        if (live()) {
            d = Math.min(d, lastReceivedNs + readTimeoutNs);
        }
        if (forwarder != null) {
            d = Math.min(d, forwarder.nextDeadlineNs());
        }
        return d;
    }
}
