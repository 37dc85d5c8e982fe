package net.weft.viz.model;

import java.util.List;
import net.weft.core.id.PeerName;

/**
 * One peer placed on the drawing.
 *
 * @param name       the peer name
 * @param label      scenario name or nickname, drawn on the node
 * @param x          model x
 * @param y          model y
 * @param alive      true while its router runs
 * @param containers containers drawn beside it
 */
public record NodeModel(PeerName name, String label, double x, double y, boolean alive, List<String> containers) {

    /** Defensive copy. */
    public NodeModel {
        containers = List.copyOf(containers);
    }
}
