package net.weft.viz.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.core.view.RouterView;
import net.weft.viz.model.MeshSnapshot;
import net.weft.viz.model.PeerPair;
import net.weft.viz.model.PeerState;
import net.weft.viz.model.Pulse;
import net.weft.viz.model.Recording;

/**
 * A scenario running in the simulator under the viewer's control: advances virtual time in steps of
 * {@link #FRAME_INTERVAL_NS}, applies the scenario's events when their time comes, records a snapshot after
 * each step and every message pulse, and applies (and remembers) the faults a user injects. Router views are
 * taken again only for peers whose trace shows a change since the last snapshot, so recording is cheap.
 */
public final class SimSession implements MeshSource {

    /** Virtual time between two recorded snapshots. */
    public static final long FRAME_INTERVAL_NS = 100_000_000L;

    private final ScenarioSpec spec;
    private final ClusterEngine engine;
    private final Recording recording = new Recording();
    private final Map<PeerName, String> labels = new TreeMap<>();
    private final SortedSet<PeerName> dirty = new TreeSet<>();
    private final Map<PeerName, RouterView> views = new TreeMap<>();
    private final List<ScenarioAction> injected = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private int nextEvent;

    /** Starts {@code spec} at virtual time 0 and records the first snapshot. */
    public SimSession(ScenarioSpec spec) {
        this.spec = spec;
        this.engine = new ClusterEngine(spec.seed(), spec.network(), spec.discovery(), this::onTrace);
        spec.populate(engine);
        refreshLabels();
        engine.runUntil(0);
        record();
    }

    /** The scenario as loaded. */
    public ScenarioSpec scenario() {
        return spec;
    }

    /** The engine underneath (read-only use). */
    public SimEngine engine() {
        return engine;
    }

    @Override
    public Recording recording() {
        return recording;
    }

    @Override
    public String title() {
        return spec.name();
    }

    /** Virtual time now. */
    public long nowNs() {
        return engine.nowNs();
    }

    @Override
    public long advanceTo(long ns) {
        while (engine.nowNs() < ns) {
            long nextFrame = (engine.nowNs() / FRAME_INTERVAL_NS + 1) * FRAME_INTERVAL_NS;
            long until = Math.min(ns, nextFrame);
            if (nextEvent < spec.events().size()) {
                until = Math.min(until, spec.events().get(nextEvent).atNs());
            }
            engine.runUntil(until);
            while (nextEvent < spec.events().size() && spec.events().get(nextEvent).atNs() <= engine.nowNs()) {
                ScenarioAction a = spec.events().get(nextEvent++);
                if (!a.applyTo(engine)) {
                    skipped.add(a.kind());
                }
                afterChange();
            }
            if (engine.nowNs() >= nextFrame || engine.nowNs() >= ns) {
                record();
            }
        }
        return engine.nowNs();
    }

    /** Scenario event kinds this viewer could not drive (shown to the user). */
    public List<String> skippedKinds() {
        return List.copyOf(skipped);
    }

    /** Cuts the link between two peers now. */
    public void cut(String a, String b) {
        inject(ScenarioAction.cut(engine.nowNs(), a, b));
    }

    /** Heals the link between two peers now. */
    public void heal(String a, String b) {
        inject(ScenarioAction.heal(engine.nowNs(), a, b));
    }

    /** Crashes a peer now. */
    public void crash(String peer) {
        inject(ScenarioAction.crash(engine.nowNs(), peer));
    }

    /** Restarts a peer now. */
    public void restart(String peer) {
        inject(ScenarioAction.restart(engine.nowNs(), peer));
    }

    /** Adds a new peer now, linked to {@code links}; returns its name. */
    public String addPeer(List<String> links) {
        String name = "p" + (engine.peers().size() + 1);
        for (int i = 2; engine.peers().contains(name); i++) {
            name = "p" + (engine.peers().size() + i);
        }
        inject(ScenarioAction.join(engine.nowNs(), name, links));
        return name;
    }

    /** The events injected by the user so far. */
    public List<ScenarioAction> injected() {
        return List.copyOf(injected);
    }

    /** The scenario with the injected events merged in: what "save as scenario" writes. */
    public ScenarioSpec scenarioWithInjected() {
        return spec.with(injected, spec.seed());
    }

    /** The scenario name of a peer, or its peer name when unknown. */
    public String label(PeerName p) {
        return labels.getOrDefault(p, p.toString());
    }

    private void inject(ScenarioAction a) {
        a.applyTo(engine);
        injected.add(a);
        afterChange();
        record();
    }

    private void afterChange() {
        refreshLabels();
        dirty.addAll(labels.keySet());
    }

    private void refreshLabels() {
        for (String p : engine.peers()) {
            labels.put(engine.peerName(p), p);
        }
    }

    private void onTrace(TraceEvent e) {
        Pulse p = Pulse.of(e);
        if (p != null) {
            recording.add(p);
            return;
        }
        if (e instanceof TraceEvent.GossipReceived g && !g.changed()) {
            return;
        }
        dirty.add(e.self());
    }

    private void record() {
        SortedMap<PeerName, PeerState> peers = new TreeMap<>();
        SortedMap<String, List<String>> containers = engine.containers();
        for (String label : engine.peers()) {
            PeerName n = engine.peerName(label);
            boolean alive = engine.alive(label);
            RouterView v = null;
            if (alive) {
                v = dirty.contains(n) || !views.containsKey(n) ? engine.view(label) : views.get(n);
                views.put(n, v);
            } else {
                views.remove(n);
            }
            peers.put(n, new PeerState(n, label, alive, v, containers.getOrDefault(label, List.of())));
        }
        dirty.clear();
        SortedSet<PeerPair> links = new TreeSet<>();
        SortedSet<PeerPair> cuts = new TreeSet<>();
        for (List<String> l : engine.links()) {
            PeerPair pair = PeerPair.of(engine.peerName(l.get(0)), engine.peerName(l.get(1)));
            links.add(pair);
            if (engine.isCut(l.get(0), l.get(1))) {
                cuts.add(pair);
            }
        }
        recording.add(new MeshSnapshot(engine.nowNs(), peers, links, cuts));
    }
}
