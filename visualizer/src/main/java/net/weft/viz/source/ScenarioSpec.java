package net.weft.viz.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parts of a scenario file the viewer uses: peers, underlay links, containers, link latency, the timeline
 * of events, the seed and the run length (format: docs/scenarios.md).
 */
public record ScenarioSpec(String name, long seed, List<String> peers, List<List<String>> links,
        SortedMap<String, List<String>> containers, long latencyNs, List<ScenarioAction> events, long runForNs) {

    /** Default link latency when the file gives none. */
    public static final long DEFAULT_LATENCY_NS = 1_000_000L;
    /** Default run length when the file gives none. */
    public static final long DEFAULT_RUN_FOR_NS = 60_000_000_000L;

    /** Defensive copies. */
    public ScenarioSpec {
        peers = List.copyOf(peers);
        links = links.stream().map(List::copyOf).toList();
        containers = Collections.unmodifiableSortedMap(new TreeMap<>(containers));
        List<ScenarioAction> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> Long.compare(a.atNs(), b.atNs()));
        events = List.copyOf(sorted);
    }

    /** The same scenario with {@code more} events merged in time order, and another seed. */
    public ScenarioSpec with(List<ScenarioAction> more, long newSeed) {
        List<ScenarioAction> all = new ArrayList<>(events);
        all.addAll(more);
        return new ScenarioSpec(name, newSeed, peers, links, containers, latencyNs, all,
                Math.max(runForNs, more.stream().mapToLong(ScenarioAction::atNs).max().orElse(0)));
    }

    /** Builds the network this scenario describes in a fresh {@link RouterMesh}, all peers started. */
    public void populate(RouterMesh mesh) {
        peers.forEach(mesh::addPeer);
        for (List<String> l : links) {
            mesh.link(l.get(0), l.get(1));
        }
        containers.forEach((p, cs) -> cs.forEach(c -> mesh.addContainer(p, c)));
        mesh.startAll();
    }
}
