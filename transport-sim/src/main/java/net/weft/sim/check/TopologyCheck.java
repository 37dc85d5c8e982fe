package net.weft.sim.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;

/**
 * Convergence: the live routers agree. They are converged when
 * <ol>
 *   <li>each knows exactly the same peers (name, UID, version) with the same reported connections
 *       (target, direction, established), compared through a 64-bit fingerprint of its table;</li>
 *   <li>that peer set contains every live router and no router that is down or gone;</li>
 *   <li>each has a unicast route to every other live router it is expected to reach, and
 *       {@link RouteCheck} finds nothing.</li>
 * </ol>
 */
public final class TopologyCheck {

    private static final long FNV_OFFSET = 0xcbf2_9ce4_8422_2325L;
    private static final long FNV_PRIME = 0x100_0000_01b3L;

    private TopologyCheck() {
    }

    /** A fingerprint of the router's topology table; equal tables give equal fingerprints. */
    public static long fingerprint(RouterView v) {
        long h = FNV_OFFSET;
        for (PeerView p : v.peers()) {
            h = mix(h, p.name().value());
            h = mix(h, p.uid().value());
            h = mix(h, p.version());
            for (PeerConnectionView c : p.connections()) {
                h = mix(h, c.to().value() * 4 + (c.outbound() ? 2 : 0) + (c.established() ? 1 : 0));
            }
            h = mix(h, p.connections().size());
        }
        return mix(h, v.peers().size());
    }

    private static long mix(long h, long value) {
        long x = h ^ value;
        x *= FNV_PRIME;
        return x ^ (x >>> 29);
    }

    /**
     * Why the routers are not converged, or an empty list when they are.
     *
     * @param views         snapshot of every live router, by name
     * @param absent        names of routers that are down or gone, which nobody may still list
     * @param mustReach     live routers every live router must have a route to (itself excepted)
     */
    public static List<String> problems(Map<PeerName, RouterView> views, Set<PeerName> absent,
            Set<PeerName> mustReach) {
        List<String> out = new ArrayList<>();
        Long reference = null;
        PeerName referenceName = null;
        for (Map.Entry<PeerName, RouterView> e : views.entrySet()) {
            RouterView v = e.getValue();
            long fp = fingerprint(v);
            if (reference == null) {
                reference = fp;
                referenceName = e.getKey();
            } else if (fp != reference) {
                out.add(v.nickname() + " and " + views.get(referenceName).nickname() + " disagree on the topology");
                return out;
            }
            Set<PeerName> known = new TreeSet<>();
            for (PeerView p : v.peers()) {
                known.add(p.name());
            }
            if (!known.containsAll(views.keySet())) {
                out.add(v.nickname() + " does not know every live peer");
                return out;
            }
            for (PeerName gone : absent) {
                if (known.contains(gone)) {
                    out.add(v.nickname() + " still lists absent peer " + gone);
                    return out;
                }
            }
            for (PeerName p : mustReach) {
                if (!p.equals(e.getKey()) && !v.unicastRoutes().containsKey(p)) {
                    out.add(v.nickname() + " has no route to live peer " + p);
                    return out;
                }
            }
        }
        out.addAll(RouteCheck.violations(views));
        return out;
    }
}
