package net.weft.viz.model;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.view.RouterView;

/**
 * One peer as the viewer knows it at one instant.
 *
 * @param name       the peer name
 * @param label      the scenario name or nickname shown on the node
 * @param alive      true while its router runs
 * @param view       its router's snapshot, or null when none is known (crashed, or only heard of in gossip)
 * @param containers names of the containers on its bridge
 */
public record PeerState(PeerName name, String label, boolean alive, RouterView view, List<String> containers) {

    /** Defensive copy. */
    public PeerState {
        containers = List.copyOf(containers);
    }
}
