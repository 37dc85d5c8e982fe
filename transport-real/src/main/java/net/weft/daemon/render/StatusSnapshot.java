package net.weft.daemon.render;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.view.RouterView;

/**
 * Everything the status pages, the report and the metrics show, frozen at one moment on the router thread.
 *
 * @param view            the router's own snapshot
 * @param directTargets   the peers the user asked for ({@code launch} arguments and {@code connect}), as typed
 * @param trustedSubnets  CIDRs configured as trusted
 * @param counters        the daemon's own counters (transport and trace totals), by metric-friendly name
 * @param takenAtEpochMs  wall-clock time at which {@code view.nowNs()} was read, to print deadlines as dates
 * @param version         the daemon's version text
 */
public record StatusSnapshot(RouterView view, List<String> directTargets, List<String> trustedSubnets,
        SortedMap<String, Long> counters, long takenAtEpochMs, String version) {

    /** Defensive copies. */
    public StatusSnapshot {
        directTargets = List.copyOf(directTargets);
        trustedSubnets = List.copyOf(trustedSubnets);
        counters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    }

    /** The wall-clock time (epoch milliseconds) of a router time {@code routerNs}. */
    public long epochMsOf(long routerNs) {
        return takenAtEpochMs + Math.floorDiv(routerNs - view.nowNs(), 1_000_000L);
    }

    /** A daemon counter, zero when never counted. */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
