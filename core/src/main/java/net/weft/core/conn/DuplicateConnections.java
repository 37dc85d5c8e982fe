package net.weft.core.conn;

import net.weft.core.id.PeerName;

/**
 * Weave's rule for two connections to the same peer (control-plane notes §2.7). Both ends know the same
 * connection UID for each TCP connection (the XOR of the two random ConnIDs), compare the same two
 * numbers as unsigned 64-bit values, and so keep the same connection without any extra message.
 */
public final class DuplicateConnections {

    /** What to do when a connection to an already connected peer is added. */
    public enum Decision {
        /** The new connection has the lower UID: keep it, shut the old one down. */
        KEEP_NEW_DROP_OLD,
        /** The new connection has the higher UID: refuse it, keep the old one. */
        REFUSE_NEW,
        /** Equal UIDs (practically never): Weave gives up and drops both. */
        DROP_BOTH
    }

    private DuplicateConnections() {
    }

    /**
     * Decides between the connection already registered for a peer and a new one to the same peer.
     *
     * @param existingUid connection UID of the registered connection (unsigned)
     * @param newUid      connection UID of the connection being added (unsigned)
     */
    public static Decision decide(long existingUid, long newUid) {
        int c = Long.compareUnsigned(newUid, existingUid);
        if (c < 0) {
            return Decision.KEEP_NEW_DROP_OLD;
        }
        return c > 0 ? Decision.REFUSE_NEW : Decision.DROP_BOTH;
    }

    /**
     * Weave's error for the connection(s) dropped by the rule, {@code Multiple connections to X added to Y},
     * where X is the remote peer and Y ourselves, each shown as {@code name(nickname)}.
     */
    public static String message(PeerName remote, String remoteNickname, PeerName local, String localNickname) {
        return "Multiple connections to " + label(remote, remoteNickname) + " added to "
                + label(local, localNickname);
    }

    /** A peer as Weave prints it in messages: {@code aa:bb:cc:dd:ee:ff(nickname)}. */
    public static String label(PeerName name, String nickname) {
        return name + "(" + nickname + ")";
    }
}
