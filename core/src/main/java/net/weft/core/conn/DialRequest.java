package net.weft.core.conn;

import net.weft.core.id.Endpoint;

/**
 * A dial the connection maker wants made now.
 *
 * @param address where to connect (a host name is resolved by the daemon when it dials)
 * @param direct  true for a user-given target: its connection may introduce a peer we have never heard
 *                of; a connection to a discovered target must name a peer already in our topology
 *                (mesh's {@code acceptNewPeer}, control-plane notes §2.6)
 */
public record DialRequest(Endpoint address, boolean direct) { }
