package net.weft.core.topology;

/**
 * The outcome of registering the remote end of a handshake with the peer table.
 *
 * @param peer      the table's entry for the remote peer (for a known peer: still the old record, until the peer's
 *                  own gossip replaces it)
 * @param created   true when the handshake introduced a peer we did not know
 * @param restarted true when we knew the name under another UID: the peer restarted (or was a placeholder), so
 *                  the caller sends it our complete gossip state
 */
public record Registration(PeerEntry peer, boolean created, boolean restarted) { }
