package net.weft.viz.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import net.weft.core.id.PeerName;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.IndexedFRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Places peers with a force-directed layout (Fruchterman-Reingold from JGraphT; its Barnes-Hut variant for
 * large meshes) over the union of every peer and edge seen so far, so positions do not jump when a link is
 * cut or a peer crashes, nor when the timeline is scrubbed. A layout is recomputed only when a new peer or
 * edge appears, starting from the old positions (new peers start at the centre of their known neighbours),
 * and from a fixed seed: the same mesh always gets the same picture.
 */
public final class ForceLayout {

    /** Model units of area per peer side: the drawing grows with the square root of the peer count. */
    public static final double SPACING = 110.0;
    /** Smallest drawing side. */
    public static final double MIN_SIDE = 420.0;
    /** Iterations for a fresh layout. */
    public static final int FRESH_ITERATIONS = 300;
    /** Iterations when refining an existing layout after a change. */
    public static final int REFINE_ITERATIONS = 60;
    /** Above this many peers the quadtree (Barnes-Hut) variant is used. */
    public static final int QUADTREE_THRESHOLD = 120;
    /** Layout randomness seed. */
    public static final long SEED = 0x5eed_1a7L;

    private final SortedSet<PeerName> peers = new TreeSet<>();
    private final SortedSet<PeerPair> edges = new TreeSet<>();
    private final Map<PeerName, double[]> positions = new TreeMap<>();
    private int layouts;
    private double laidOutSide;

    /**
     * Adds peers and edges not seen before and, if any, recomputes the layout. Returns true when positions
     * changed.
     */
    public boolean update(Collection<PeerName> nowPeers, Collection<PeerPair> nowEdges) {
        boolean grew = peers.addAll(nowPeers);
        for (PeerPair e : nowEdges) {
            if (peers.contains(e.low()) && peers.contains(e.high())) {
                grew |= edges.add(e);
            }
        }
        if (!grew) {
            return false;
        }
        relayout();
        return true;
    }

    /** The position of {@code p} as {x, y}; a peer never laid out sits at the origin. */
    public double[] position(PeerName p) {
        double[] xy = positions.get(p);
        return xy == null ? new double[] {0, 0} : xy.clone();
    }

    /** Side of the square the peers are placed in. */
    public double side() {
        return Math.max(MIN_SIDE, SPACING * Math.sqrt(peers.size()) * 1.6);
    }

    /** How many times the layout was computed (for tests of stability). */
    public int layouts() {
        return layouts;
    }

    /** Every peer laid out, with positions, in name order. */
    public Map<PeerName, double[]> positions() {
        Map<PeerName, double[]> out = new TreeMap<>();
        positions.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    private void relayout() {
        Graph<PeerName, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        peers.forEach(g::addVertex);
        for (PeerPair e : edges) {
            g.addEdge(e.low(), e.high());
        }
        double side = side();
        MapLayoutModel2D<PeerName> model = new MapLayoutModel2D<>(Box2D.of(side, side));
        boolean fresh = positions.isEmpty();
        int iterations = fresh ? FRESH_ITERATIONS : REFINE_ITERATIONS;
        FRLayoutAlgorithm2D<PeerName, DefaultEdge> fr = peers.size() > QUADTREE_THRESHOLD
                ? new IndexedFRLayoutAlgorithm2D<>(iterations, IndexedFRLayoutAlgorithm2D.DEFAULT_THETA_FACTOR,
                        FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(SEED))
                : new FRLayoutAlgorithm2D<>(iterations, FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR,
                        new Random(SEED));
        fr.setInitializer(initializer(g, side));
        fr.layout(g, model);
        for (PeerName p : peers) {
            Point2D pt = model.get(p);
            positions.put(p, new double[] {pt.getX(), pt.getY()});
        }
        layouts++;
        laidOutSide = side;
    }

    private Function<PeerName, Point2D> initializer(Graph<PeerName, DefaultEdge> g, double side) {
        List<PeerName> order = List.copyOf(peers);
        double scale = laidOutSide > 0 ? side / laidOutSide : 1;
        return p -> {
            double[] old = positions.get(p);
            if (old != null) {
                return Point2D.of(clamp(old[0] * scale, side), clamp(old[1] * scale, side));
            }
            double sx = 0;
            double sy = 0;
            int n = 0;
            for (DefaultEdge e : g.edgesOf(p)) {
                double[] q = positions.get(org.jgrapht.Graphs.getOppositeVertex(g, e, p));
                if (q != null) {
                    sx += q[0] * scale;
                    sy += q[1] * scale;
                    n++;
                }
            }
            double angle = 2 * Math.PI * order.indexOf(p) / order.size();
            double r = n > 0 ? SPACING / 2 : side * 0.4;
            double cx = n > 0 ? sx / n : side / 2;
            double cy = n > 0 ? sy / n : side / 2;
            return Point2D.of(clamp(cx + r * Math.cos(angle), side), clamp(cy + r * Math.sin(angle), side));
        };
    }

    private static double clamp(double v, double side) {
        return Math.max(0, Math.min(side, v));
    }
}
