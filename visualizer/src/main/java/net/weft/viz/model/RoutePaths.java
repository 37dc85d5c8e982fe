package net.weft.viz.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.routing.Routes;
import net.weft.core.topology.TopologyGraph;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.core.wire.ConnectionSummary;

/**
 * The routes a selected peer's traffic takes, followed hop by hop through each router's own tables (as the
 * data plane does): the unicast path to every destination, and the broadcast tree of its broadcasts.
 * A hop whose router view is unknown ends the path there.
 */
public final class RoutePaths {

    private RoutePaths() {
    }

    /** The routes of one selected peer. */
    public record Highlight(PeerName selected, SortedMap<PeerName, List<PeerName>> unicastPaths,
            SortedSet<PeerPair> unicastEdges, SortedSet<PeerPair> broadcastEdges) {

        /** Nothing selected. */
        public static final Highlight NONE = new Highlight(null, new TreeMap<>(), new TreeSet<>(), new TreeSet<>());
    }

    /** Routes of {@code selected} in {@code snap}; {@link Highlight#NONE} when it is unknown or has no view. */
    public static Highlight of(MeshSnapshot snap, PeerName selected) {
        PeerState p = selected == null ? null : snap.peers().get(selected);
        if (p == null || !p.alive() || p.view() == null) {
            return selected == null ? Highlight.NONE
                    : new Highlight(selected, new TreeMap<>(), new TreeSet<>(), new TreeSet<>());
        }
        SortedMap<PeerName, List<PeerName>> paths = new TreeMap<>();
        SortedSet<PeerPair> edges = new TreeSet<>();
        for (PeerName dst : p.view().unicastRoutes().keySet()) {
            if (dst.equals(selected)) {
                continue;
            }
            List<PeerName> path = path(snap, selected, dst);
            paths.put(dst, path);
            for (int i = 1; i < path.size(); i++) {
                edges.add(PeerPair.of(path.get(i - 1), path.get(i)));
            }
        }
        return new Highlight(selected, paths, edges, broadcastTree(snap, selected));
    }

    /**
     * The hops from {@code src} to {@code dst}, both included, following each hop's unicast table; ends early
     * (without {@code dst}) when a hop has no route or no known view, or when the tables loop.
     */
    public static List<PeerName> path(MeshSnapshot snap, PeerName src, PeerName dst) {
        List<PeerName> out = new ArrayList<>();
        out.add(src);
        PeerName at = src;
        while (!at.equals(dst) && out.size() <= snap.peers().size()) {
            RouterView v = viewOf(snap, at);
            PeerName next = v == null ? null : v.unicastRoutes().get(dst);
            if (next == null || next.equals(PeerName.UNKNOWN) || out.contains(next)) {
                return out;
            }
            out.add(next);
            at = next;
        }
        return out;
    }

    /**
     * Edges of the tree {@code src}'s broadcasts travel along. The source's first hops come from its view; each
     * relay's next hops are what core routing computes from that relay's own topology table, as its data
     * plane does.
     */
    public static SortedSet<PeerPair> broadcastTree(MeshSnapshot snap, PeerName src) {
        SortedSet<PeerPair> out = new TreeSet<>();
        SortedSet<PeerName> seen = new TreeSet<>();
        Deque<PeerName> todo = new ArrayDeque<>();
        todo.add(src);
        seen.add(src);
        while (!todo.isEmpty()) {
            PeerName at = todo.poll();
            RouterView v = viewOf(snap, at);
            if (v == null) {
                continue;
            }
            List<PeerName> nexts = at.equals(src) ? v.broadcastRoutes().getOrDefault(src, List.of())
                    : Routes.compute(at, graphOf(v)).broadcast(src);
            for (PeerName n : nexts) {
                if (seen.add(n)) {
                    out.add(PeerPair.of(at, n));
                    todo.add(n);
                }
            }
        }
        return out;
    }

    /** The topology graph a router's view describes. */
    static TopologyGraph graphOf(RouterView v) {
        SortedMap<PeerName, List<ConnectionSummary>> reported = new TreeMap<>();
        for (PeerView p : v.peers()) {
            List<ConnectionSummary> conns = new ArrayList<>();
            for (PeerConnectionView c : p.connections()) {
                conns.add(new ConnectionSummary(c.to(), c.address(), c.outbound(), c.established()));
            }
            reported.put(p.name(), conns);
        }
        return TopologyGraph.of(reported);
    }

    private static RouterView viewOf(MeshSnapshot snap, PeerName p) {
        PeerState s = snap.peers().get(p);
        return s == null || !s.alive() ? null : s.view();
    }
}
