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
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Places peers with a force-directed layout (Fruchterman-Reingold from JGraphT, then a pass that pushes
 * overlapping peers apart) over the union of every peer and edge seen so far, so positions do not jump when a link is
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
    /**
     * Above this many peers iterations shrink in proportion, keeping the quadratic force computation to a
     * bounded cost. (JGraphT's Barnes-Hut variant was tried: it loops on coincident points at the box edge.)
     */
    public static final int LARGE_MESH = 150;
    /** Peers closer than this (model units) are pushed apart after the force layout. */
    public static final double MIN_DISTANCE = Styles.PEER_RADIUS * 2.5;
    /** Rounds of pushing overlapping peers apart. */
    public static final int SEPARATION_ROUNDS = 30;
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
        if (peers.size() > LARGE_MESH) {
            iterations = iterations * LARGE_MESH / peers.size();
        }
        FRLayoutAlgorithm2D<PeerName, DefaultEdge> fr = new FRLayoutAlgorithm2D<>(iterations,
                FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(SEED));
        fr.setInitializer(initializer(g, side));
        fr.layout(g, model);
        for (PeerName p : peers) {
            Point2D pt = model.get(p);
            positions.put(p, new double[] {pt.getX(), pt.getY()});
        }
        separate(side);
        layouts++;
        laidOutSide = side;
    }

    /**
     * Pushes apart peers closer than {@link #MIN_DISTANCE}, each pair half the shortfall each way (coincident
     * peers along a direction fixed by their order), in a few rounds; positions stay inside the box.
     */
    private void separate(double side) {
        List<double[]> xy = new java.util.ArrayList<>();
        for (PeerName p : peers) {
            xy.add(positions.get(p));
        }
        for (int round = 0; round < SEPARATION_ROUNDS; round++) {
            boolean moved = false;
            for (int i = 0; i < xy.size(); i++) {
                for (int j = i + 1; j < xy.size(); j++) {
                    double[] a = xy.get(i);
                    double[] b = xy.get(j);
                    double dx = b[0] - a[0];
                    double dy = b[1] - a[1];
                    double d = Math.hypot(dx, dy);
                    if (d >= MIN_DISTANCE) {
                        continue;
                    }
                    if (d < 1e-6) {
                        double angle = (i * 31 + j) % 360 * Math.PI / 180;
                        dx = Math.cos(angle);
                        dy = Math.sin(angle);
                        d = 1;
                    }
                    double push = (MIN_DISTANCE - Math.hypot(b[0] - a[0], b[1] - a[1])) / 2;
                    a[0] = clamp(a[0] - dx / d * push, side);
                    a[1] = clamp(a[1] - dy / d * push, side);
                    b[0] = clamp(b[0] + dx / d * push, side);
                    b[1] = clamp(b[1] + dy / d * push, side);
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
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
