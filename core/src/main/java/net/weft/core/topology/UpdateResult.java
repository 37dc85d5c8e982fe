package net.weft.core.topology;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import net.weft.core.id.PeerName;

/**
 * What applying a topology update changed. Immutable. The names the update carried are kept as given and
 * sorted only when {@link #received} is asked for (a broadcast relay), since most updates are gossip and a full
 * topology carries every name.
 */
public final class UpdateResult {

    private final List<PeerName> receivedAsGiven;
    private final SortedSet<PeerName> improved;
    private final SortedSet<PeerName> added;
    private final boolean ourVersionJumped;
    private final int droppedOverLimit;
    private SortedSet<PeerName> received;

    /**
     * @param receivedAsGiven   every peer named by an entry of the update (ourselves included), in any order,
     *                          possibly repeated
     * @param improved          peers whose entry was new or superseded ours
     * @param added             peers that entered the table, placeholders included
     * @param ourVersionJumped  the update described an older incarnation of us, so our version jumped past it
     * @param droppedOverLimit  new peers refused because the table was full
     */
    public UpdateResult(List<PeerName> receivedAsGiven, SortedSet<PeerName> improved, SortedSet<PeerName> added,
            boolean ourVersionJumped, int droppedOverLimit) {
        this.receivedAsGiven = List.copyOf(receivedAsGiven);
        this.improved = Collections.unmodifiableSortedSet(new TreeSet<>(improved));
        this.added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        this.ourVersionJumped = ourVersionJumped;
        this.droppedOverLimit = droppedOverLimit;
    }

    /** Every peer named by an entry of the update (ourselves included), sorted: what a broadcast relay passes on. */
    public SortedSet<PeerName> received() {
        if (received == null) {
            received = Collections.unmodifiableSortedSet(new TreeSet<>(receivedAsGiven));
        }
        return received;
    }

    /** Peers whose entry was new or superseded ours: what a gossip relay passes on. */
    public SortedSet<PeerName> improved() {
        return improved;
    }

    /** Peers that entered the table, placeholders included. */
    public SortedSet<PeerName> added() {
        return added;
    }

    /** The update described an older incarnation of us, so our version jumped and our entry must be gossiped. */
    public boolean ourVersionJumped() {
        return ourVersionJumped;
    }

    /** New peers refused because the table was full. */
    public int droppedOverLimit() {
        return droppedOverLimit;
    }

    /** True when the table changed in a way that needs routes recalculated and discovery refreshed. */
    public boolean changed() {
        return !improved.isEmpty() || !added.isEmpty() || ourVersionJumped;
    }

    @Override
    public String toString() {
        return "UpdateResult[received=" + received() + ", improved=" + improved + ", added=" + added
                + ", ourVersionJumped=" + ourVersionJumped + ", droppedOverLimit=" + droppedOverLimit + "]";
    }
}
