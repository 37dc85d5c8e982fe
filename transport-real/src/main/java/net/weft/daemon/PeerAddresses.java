package net.weft.daemon;

import java.util.List;
import net.weft.core.Timings;
import net.weft.core.conn.ConnectionMaker;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;

/**
 * Checks peer strings given by the user ({@code launch} arguments, {@code connect}) before they reach the
 * router, so a bad one can be refused with HTTP 400 or a usage error. The check is the core's own: a scratch
 * {@link ConnectionMaker} parses the strings and returns its messages (Weave's wording), so the daemon and the
 * router never disagree about what a valid {@code host[:port]} is.
 */
public final class PeerAddresses {

    /** Any valid name will do for the scratch connection maker; it never dials. */
    private static final PeerName SCRATCH_NAME = PeerName.of("02:00:00:00:00:01");

    private PeerAddresses() {
    }

    /** The core's error for every bad peer string, in order; empty when all are valid. */
    public static List<String> problems(List<String> peers, int defaultPort) {
        ConnectionMaker scratch = new ConnectionMaker(SCRATCH_NAME, defaultPort, Timings.weave(), false,
                new SplitMix64(0));
        return scratch.initiate(peers, false, 0);
    }
}
