package net.weft.viz.model;

/** Finds what a click at a model point means: a peer (within its circle) or else the nearest edge. */
public final class HitTest {

    /** How far from an edge's line a click still selects it, in model units. */
    public static final double EDGE_TOLERANCE = 8.0;

    private HitTest() {
    }

    /** The peer drawn at ({@code x}, {@code y}), or null. */
    public static NodeModel nodeAt(MeshScene scene, double x, double y) {
        NodeModel best = null;
        double bestD = Styles.PEER_RADIUS * 1.2;
        for (NodeModel n : scene.nodes()) {
            double d = Math.hypot(n.x() - x, n.y() - y);
            if (d <= bestD) {
                best = n;
                bestD = d;
            }
        }
        return best;
    }

    /** The edge within {@code tolerance} of ({@code x}, {@code y}), the nearest one, or null. */
    public static EdgeModel edgeAt(MeshScene scene, double x, double y, double tolerance) {
        var nodes = scene.nodesByName();
        EdgeModel best = null;
        double bestD = tolerance;
        for (EdgeModel e : scene.edges()) {
            NodeModel a = nodes.get(e.pair().low());
            NodeModel b = nodes.get(e.pair().high());
            if (a == null || b == null) {
                continue;
            }
            double d = distanceToSegment(x, y, a.x(), a.y(), b.x(), b.y());
            if (d <= bestD) {
                best = e;
                bestD = d;
            }
        }
        return best;
    }

    /** Distance from a point to a segment. */
    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
}
