package net.weft.core;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.effect.Effect;
import net.weft.core.fastpath.FastPathHop;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.forward.MacCache;
import net.weft.core.routing.Routes;

/**
 * Keeps an attached fast path supplied with {@link FastPathTable}s: after {@link #start}, {@link #endOfStep}
 * compares what a table is built from (the routes object, the MAC cache's version, the usable sleeve hops) with
 * what the last published table was built from, and emits {@link Effect.InstallFastPath} when any differs.
 * Comparing costs one pass over the connections per step; building happens only on change.
 */
final class FastPathPublisher {

    private final RouterState s;
    private final MacCache macs;
    private boolean started;
    private long generation;
    private Routes publishedRoutes;
    private long publishedMacVersion = -1;
    private List<FastPathHop> publishedHops = List.of();

    FastPathPublisher(RouterState state, MacCache macs) {
        this.s = state;
        this.macs = macs;
    }

    /** The host attached a fast path: publish from now on (the first table at the end of this step). */
    void start() {
        if (!started) {
            started = true;
            publishedRoutes = null;
        }
    }

    /** Publishes a new table when the step changed what the last one was built from. */
    void endOfStep() {
        if (!started) {
            return;
        }
        List<FastPathHop> hops = usableHops();
        if (s.routes == publishedRoutes && macs.version() == publishedMacVersion && hops.equals(publishedHops)) {
            return;
        }
        publishedRoutes = s.routes;
        publishedMacVersion = macs.version();
        publishedHops = hops;
        generation++;
        s.out.emit(new Effect.InstallFastPath(FastPathTable.of(s.self(), generation, macs.view(),
                s.routes.unicastTable(), hops)));
        s.out.count("fast_path_tables_published");
    }

    /** The neighbours {@code DataPlane} would send to: a forwarder with a known UDP address (in peer order). */
    private List<FastPathHop> usableHops() {
        List<FastPathHop> hops = new ArrayList<>();
        for (LocalConnection c : s.byPeer.values()) {
            if (c.forwarder != null && c.forwarder.remote().isPresent() && !c.forwarder.failed()) {
                hops.add(new FastPathHop(c.remote(), c.forwarder.remote().get(), c.forwarder.mtu(), c.sleeve));
            }
        }
        return hops;
    }
}
