package net.weft.sim.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;

/**
 * The checks of {@link TopologyCheck#problems} followed by {@link RouteCheck#violations}, with the same findings
 * in the same order, for a component too large to hold every router's snapshot at once: snapshots are taken one at
 * a time, in name order, and only what the checks need afterwards is kept (the reference fingerprint, each router's
 * label, and its next hops as one int per destination). With 10,000 routers each knowing 10,000 peers, the map of
 * snapshots would not fit in memory; the next-hop table takes 4 bytes per router per destination.
 */
public final class StreamingConvergenceCheck {

    /** Next hop of a router towards a destination: none, or a peer that is not one of the checked routers. */
    private static final int NO_ROUTER = -1;
    private static final int UNSEEN = 0;
    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    private final List<PeerName> routers;
    private final Map<PeerName, Integer> routerIndex = new HashMap<>();
    private final Map<PeerName, Integer> destinationIndex = new HashMap<>();
    private final String[] labels;
    private final int[][] nextHops;

    private StreamingConvergenceCheck(List<PeerName> routers) {
        this.routers = routers;
        for (int i = 0; i < routers.size(); i++) {
            routerIndex.put(routers.get(i), i);
        }
        this.labels = new String[routers.size()];
        this.nextHops = new int[routers.size()][];
    }

    /**
     * Why the routers are not converged, or an empty list when they are.
     *
     * @param routers   the live routers of the component, sorted by name, each with a snapshot
     * @param viewOf    takes a router's snapshot now (called once per router, in order)
     * @param absent    names of routers that are down or gone, which nobody may still list
     */
    public static List<String> problems(List<PeerName> routers, Function<PeerName, RouterView> viewOf,
            Set<PeerName> absent) {
        return new StreamingConvergenceCheck(routers).run(viewOf, absent);
    }

    private List<String> run(Function<PeerName, RouterView> viewOf, Set<PeerName> absent) {
        List<String> hopViolations = new ArrayList<>();
        Long reference = null;
        String referenceNickname = null;
        for (int r = 0; r < routers.size(); r++) {
            RouterView v = viewOf.apply(routers.get(r));
            long fp = TopologyCheck.fingerprint(v);
            if (reference == null) {
                reference = fp;
                referenceNickname = v.nickname();
            } else if (fp != reference) {
                return List.of(v.nickname() + " and " + referenceNickname + " disagree on the topology");
            }
            String membership = membershipProblem(v, routers.get(r), absent);
            if (membership != null) {
                return List.of(membership);
            }
            labels[r] = label(v);
            checkNextHops(v, hopViolations);
            recordNextHops(r, v.unicastRoutes());
        }
        List<String> out = new ArrayList<>(hopViolations);
        for (Map.Entry<PeerName, Integer> d : new TreeMap<>(destinationIndex).entrySet()) {
            checkLoops(d.getKey(), d.getValue(), out);
        }
        return out;
    }

    private String membershipProblem(RouterView v, PeerName self, Set<PeerName> absent) {
        Set<PeerName> known = new HashSet<>();
        for (PeerView p : v.peers()) {
            known.add(p.name());
        }
        if (!known.containsAll(routerIndex.keySet())) {
            return v.nickname() + " does not know every live peer";
        }
        for (PeerName gone : new java.util.TreeSet<>(absent)) {
            if (known.contains(gone)) {
                return v.nickname() + " still lists absent peer " + gone;
            }
        }
        for (PeerName p : routers) {
            if (!p.equals(self) && !v.unicastRoutes().containsKey(p)) {
                return v.nickname() + " has no route to live peer " + p;
            }
        }
        return null;
    }

    private static void checkNextHops(RouterView v, List<String> out) {
        Set<PeerName> established = new HashSet<>();
        for (ConnectionView c : v.connections()) {
            if (c.state() == ConnectionState.ESTABLISHED) {
                established.add(c.remote());
            }
        }
        for (Map.Entry<PeerName, PeerName> r : v.unicastRoutes().entrySet()) {
            PeerName hop = r.getValue();
            if (r.getKey().equals(v.name()) || hop.equals(PeerName.UNKNOWN)) {
                continue;
            }
            if (!established.contains(hop)) {
                out.add(label(v) + " routes to " + r.getKey() + " via " + hop
                        + ", which is not an established neighbour");
            }
        }
    }

    private void recordNextHops(int r, SortedMap<PeerName, PeerName> routes) {
        int[] row = new int[Math.max(destinationIndex.size(), routers.size())];
        Arrays.fill(row, NO_ROUTER);
        for (Map.Entry<PeerName, PeerName> e : routes.entrySet()) {
            Integer d = destinationIndex.get(e.getKey());
            if (d == null) {
                d = destinationIndex.size();
                destinationIndex.put(e.getKey(), d);
            }
            if (d >= row.length) {
                int old = row.length;
                row = Arrays.copyOf(row, Math.max(d + 1, old * 2));
                Arrays.fill(row, old, row.length, NO_ROUTER);
            }
            Integer hop = e.getValue().equals(PeerName.UNKNOWN) ? null : routerIndex.get(e.getValue());
            row[d] = hop == null ? NO_ROUTER : hop;
        }
        nextHops[r] = row;
    }

    private int hop(int router, int destination) {
        int[] row = nextHops[router];
        return destination < row.length ? row[destination] : NO_ROUTER;
    }

    /** {@link RouteCheck}'s memoised walk towards one destination, on indices. */
    private void checkLoops(PeerName dest, int d, List<String> out) {
        int destRouter = routerIndex.getOrDefault(dest, NO_ROUTER);
        int[] state = new int[routers.size()];
        int[] path = new int[routers.size()];
        for (int start = 0; start < routers.size(); start++) {
            int length = 0;
            int cur = start;
            while (cur != NO_ROUTER && cur != destRouter && state[cur] == UNSEEN) {
                state[cur] = ON_PATH;
                path[length++] = cur;
                cur = hop(cur, d);
            }
            if (cur != NO_ROUTER && cur != destRouter && state[cur] == ON_PATH) {
                out.add(RouteCheck.LOOP_PREFIX + dest + ": " + loopText(path, length, cur));
            }
            for (int i = 0; i < length; i++) {
                state[path[i]] = DONE;
            }
        }
    }

    private String loopText(int[] path, int length, int back) {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        while (path[from] != back) {
            from++;
        }
        for (int i = from; i < length; i++) {
            sb.append(labels[path[i]]).append(" -> ");
        }
        return sb.append(labels[back]).toString();
    }

    private static String label(RouterView v) {
        return v.nickname().isEmpty() ? v.name().toString() : v.nickname() + "(" + v.name() + ")";
    }
}
