package net.weft.viz.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.sim.Cluster;
import net.weft.sim.LinkParams;

/**
 * The parts of a scenario file the viewer uses: peers, underlay links (generated topologies already expanded
 * into pairs for the seed), containers, link behaviour, discovery, the timeline of events in the file's own
 * words, the seed and the run length (format: docs/scenarios.md).
 */
public record ScenarioSpec(String name, long seed, List<String> peers, List<List<String>> links,
        SortedMap<String, List<String>> containers, LinkParams network, boolean discovery, List<ScenarioAction> events,
        long runForNs) {

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
        return new ScenarioSpec(name, newSeed, peers, links, containers, network, discovery, all,
                Math.max(runForNs, more.stream().mapToLong(ScenarioAction::atNs).max().orElse(0)));
    }

    /** Builds the network this scenario describes in a fresh engine, all peers started. */
    public void populate(ClusterEngine engine) {
        Cluster c = engine.cluster();
        peers.forEach(c::peer);
        for (List<String> l : links) {
            c.link(l.get(0), l.get(1));
        }
        containers.forEach((p, cs) -> cs.forEach(name -> c.container(p, name)));
        c.startAll();
    }
}
