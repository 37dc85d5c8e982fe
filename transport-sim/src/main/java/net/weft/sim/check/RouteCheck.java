package net.weft.sim.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.RouterView;

/**
 * Safety of the data plane, checked on a set of router snapshots taken at the same instant:
 * <ol>
 *   <li>every unicast next hop a router uses is a peer it has an established connection to, unless the
 *       caller tolerates that pair (the router lost the connection so recently that its coalesced route
 *       recalculation is still pending, as Weave's is for 100 ms);</li>
 *   <li>following next hops from any router towards any destination never revisits a router (no
 *       forwarding loop). A walk that ends at a router with no route is a black hole, not a loop.</li>
 * </ol>
 * The walk is memoised per destination, so checking n routers with full tables costs O(n^2) map lookups.
 */
public final class RouteCheck {

    /** How every loop violation starts. */
    public static final String LOOP_PREFIX = "forwarding loop towards ";

    private static final int UNSEEN = 0;
    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    private RouteCheck() {
    }

    /** Violations found, one line each; empty when safe. {@code views} maps each live router's name. */
    public static List<String> violations(Map<PeerName, RouterView> views) {
        return violations(views, (self, hop) -> false);
    }

    /**
     * Same, tolerating next hops for which {@code tolerated.test(router, hop)} holds (connections lost within
     * the route-recalculation delay).
     */
    public static List<String> violations(Map<PeerName, RouterView> views,
            java.util.function.BiPredicate<PeerName, PeerName> tolerated) {
        List<String> out = new ArrayList<>();
        Set<PeerName> destinations = new java.util.TreeSet<>();
        for (RouterView v : views.values()) {
            checkNextHops(v, tolerated, out);
            destinations.addAll(v.unicastRoutes().keySet());
        }
        for (PeerName d : destinations) {
            checkLoops(views, d, out);
        }
        return out;
    }

    private static void checkNextHops(RouterView v, java.util.function.BiPredicate<PeerName, PeerName> tolerated,
            List<String> out) {
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
            if (!established.contains(hop) && !tolerated.test(v.name(), hop)) {
                out.add(label(v) + " routes to " + r.getKey() + " via " + hop
                        + ", which is not an established neighbour");
            }
        }
    }

    private static void checkLoops(Map<PeerName, RouterView> views, PeerName dest, List<String> out) {
        Map<PeerName, Integer> state = new HashMap<>();
        for (PeerName start : new java.util.TreeSet<>(views.keySet())) {
            List<PeerName> path = new ArrayList<>();
            PeerName cur = start;
            while (cur != null && !cur.equals(dest) && state.getOrDefault(cur, UNSEEN) == UNSEEN) {
                state.put(cur, ON_PATH);
                path.add(cur);
                cur = nextHop(views.get(cur), dest);
            }
            if (cur != null && state.getOrDefault(cur, UNSEEN) == ON_PATH) {
                out.add(LOOP_PREFIX + dest + ": " + loopText(views, path, cur));
            }
            for (PeerName p : path) {
                state.put(p, DONE);
            }
        }
    }

    private static PeerName nextHop(RouterView v, PeerName dest) {
        if (v == null) {
            return null;
        }
        SortedMap<PeerName, PeerName> routes = v.unicastRoutes();
        PeerName hop = routes.get(dest);
        return hop == null || hop.equals(PeerName.UNKNOWN) ? null : hop;
    }

    private static String loopText(Map<PeerName, RouterView> views, List<PeerName> path, PeerName back) {
        StringBuilder sb = new StringBuilder();
        for (int i = path.indexOf(back); i < path.size(); i++) {
            sb.append(label(views.get(path.get(i)))).append(" -> ");
        }
        return sb.append(label(views.get(back))).toString();
    }

    private static String label(RouterView v) {
        return v.nickname().isEmpty() ? v.name().toString() : v.nickname() + "(" + v.name() + ")";
    }
}
