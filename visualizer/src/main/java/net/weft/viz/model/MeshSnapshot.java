package net.weft.viz.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;

/**
 * Everything the viewer draws at one instant, independent of how it was obtained (simulator or daemons).
 *
 * @param atNs     the instant, on the source's clock
 * @param peers    every peer known, by name
 * @param links    underlay links the source knows of (the simulator's cabling); empty for real meshes
 * @param cutLinks the subset of {@code links} that is cut now
 */
public record MeshSnapshot(long atNs, SortedMap<PeerName, PeerState> peers, SortedSet<PeerPair> links,
        SortedSet<PeerPair> cutLinks) {

    /** Defensive, sorted, read-only copies. */
    public MeshSnapshot {
        peers = Collections.unmodifiableSortedMap(new TreeMap<>(peers));
        links = Collections.unmodifiableSortedSet(new TreeSet<>(links));
        cutLinks = Collections.unmodifiableSortedSet(new TreeSet<>(cutLinks));
    }

    /** The peer with that label, or null. */
    public PeerState byLabel(String label) {
        for (PeerState p : peers.values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        return null;
    }

    /** Peers in name order. */
    public List<PeerState> peerList() {
        return List.copyOf(peers.values());
    }
}
