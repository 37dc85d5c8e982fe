package net.weft.core.topology;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import net.weft.core.id.PeerName;

/**
 * What applying a topology update changed.
 *
 * @param received          every peer named by an entry of the update (ourselves included): what a broadcast
 *                          relay passes on
 * @param improved          peers whose entry was new or superseded ours: what a gossip relay passes on
 * @param added             peers that entered the table, placeholders included
 * @param ourVersionJumped  the update described an older incarnation of us, so our version jumped past it and
 *                          our entry must be gossiped
 * @param droppedOverLimit  new peers refused because the table was full
 */
public record UpdateResult(SortedSet<PeerName> received, SortedSet<PeerName> improved, SortedSet<PeerName> added,
        boolean ourVersionJumped, int droppedOverLimit) {

    /** Unmodifiable sorted copies. */
    public UpdateResult {
        received = Collections.unmodifiableSortedSet(new TreeSet<>(received));
        improved = Collections.unmodifiableSortedSet(new TreeSet<>(improved));
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
    }

    /** True when the table changed in a way that needs routes recalculated and discovery refreshed. */
    public boolean changed() {
        return !improved.isEmpty() || !added.isEmpty() || ourVersionJumped;
    }
}
