package net.weft.core.conn;

import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;

/**
 * One of our registered connections, as the connection maker needs to know it.
 *
 * @param peer     the remote peer's name, learned in the handshake
 * @param remote   the remote TCP address: the dialled target when outbound, the source address when inbound
 * @param outbound true when we dialled it
 */
public record LiveConnection(PeerName peer, Endpoint remote, boolean outbound) { }
