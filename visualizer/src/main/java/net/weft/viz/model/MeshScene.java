package net.weft.viz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.id.PeerName;

/**
 * What one frame of the viewer shows, as plain data: placed peers, styled edges, the highlighted routes of
 * the selected peer, and messages in flight. The JavaFX layer only paints it.
 */
public record MeshScene(long atNs, List<NodeModel> nodes, List<EdgeModel> edges, RoutePaths.Highlight highlight,
        List<Flights.Flight> flights) {

    /** Defensive copies. */
    public MeshScene {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        flights = List.copyOf(flights);
    }

    /**
     * Builds the scene of {@code snap} with peers at {@code layout}'s positions (which it updates for new
     * peers), highlighting {@code selected}'s routes (null for none).
     */
    public static MeshScene build(MeshSnapshot snap, ForceLayout layout, PeerName selected, List<Flights.Flight> fl) {
        List<EdgeModel> edges = EdgeDerivation.edges(snap);
        layout.update(snap.peers().keySet(), edges.stream().map(EdgeModel::pair).toList());
        List<NodeModel> nodes = new ArrayList<>();
        for (PeerState p : snap.peers().values()) {
            double[] xy = layout.position(p.name());
            nodes.add(new NodeModel(p.name(), p.label(), xy[0], xy[1], p.alive(), p.containers()));
        }
        return new MeshScene(snap.atNs(), nodes, edges, RoutePaths.of(snap, selected), fl);
    }

    /** Nodes by name. */
    public Map<PeerName, NodeModel> nodesByName() {
        Map<PeerName, NodeModel> m = new TreeMap<>();
        for (NodeModel n : nodes) {
            m.put(n.name(), n);
        }
        return m;
    }

    /** The edge between two peers, or null. */
    public EdgeModel edge(PeerName a, PeerName b) {
        PeerPair p = PeerPair.of(a, b);
        for (EdgeModel e : edges) {
            if (e.pair().equals(p)) {
                return e;
            }
        }
        return null;
    }

    /** The node labelled {@code label}, or null. */
    public NodeModel node(String label) {
        for (NodeModel n : nodes) {
            if (n.label().equals(label)) {
                return n;
            }
        }
        return null;
    }
}
