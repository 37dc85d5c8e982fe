package net.weft.core.fastpath;

import java.util.Objects;
import net.weft.core.id.PeerName;

/**
 * Where a frame for {@code dstPeer} goes: the sleeve frame is labelled for {@code dstPeer} and sent to
 * {@code hop}. Precomputed per destination when a table is built, so deciding allocates nothing.
 *
 * @param dstPeer the peer the frame is for (the sleeve frame's destination label)
 * @param hop     the neighbour on the route to it
 */
public record FastPathTarget(PeerName dstPeer, FastPathHop hop) {

    /** Validates presence of both parts. */
    public FastPathTarget {
        Objects.requireNonNull(dstPeer, "dstPeer");
        Objects.requireNonNull(hop, "hop");
    }
}
