package net.weft.core.view;

import net.weft.core.conn.ConnectionState;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;

/**
 * One of our own live connections.
 *
 * @param info    why the connection is in its state when it is not established, else empty
 * @param overlay the data-plane overlay in use ("sleeve"), empty before the handshake
 * @param mtu     the overlay MTU for frames to this peer, 0 when unknown
 */
public record ConnectionView(ConnectionId id, Endpoint address, boolean outbound, ConnectionState state,
        PeerName remote, String remoteNickname, String info, String overlay, int mtu, boolean encrypted) { }
