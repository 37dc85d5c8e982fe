package net.weft.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.sim.LinkParams;

/**
 * Swarm testing: one seed decides the whole world (peer count, mesh density, link behaviour) and a fault
 * script (cuts, heals, partitions, one-way blocks, crashes, restarts, pauses, resumes), followed by a heal
 * phase (heal-all, resume the paused, restart the crashed) after which every live peer must converge
 * within a bound, with no loop or bad next hop at any sample. The result is an ordinary scenario, so a
 * failing seed prints as a file {@code weft sim} can replay.
 */
public final class SwarmScenario {

    /** Fewest peers drawn. */
    public static final int MIN_PEERS = 3;
    /** Most peers drawn. */
    public static final int MAX_PEERS = 10;
    /** Most faults in a script. */
    public static final int MAX_FAULTS = 8;
    /** Faults happen within this window after start. */
    public static final long FAULT_WINDOW_NS = 30 * 1_000_000_000L;
    /** When faults stop and everything is healed. */
    public static final long HEAL_AT_NS = 40 * 1_000_000_000L;
    /** How long after healing the peers have to converge. */
    public static final long CONVERGE_BOUND_NS = 60 * 1_000_000_000L;

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final String[] FAULTS = {"cut", "partition", "block", "crash", "pause", "heal"};

    private SwarmScenario() {
    }

    /** The world and fault script for {@code seed}. */
    public static Scenario generate(long seed) {
        DeterministicRandom rng = new SplitMix64(seed).fork(0x5a4d);
        int n = MIN_PEERS + rng.nextInt(MAX_PEERS - MIN_PEERS + 1);
        List<String> peers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            peers.add("p" + i);
        }
        int degree = 1 + rng.nextInt(3);
        LinkParams net = new LinkParams((1 + rng.nextInt(20)) * MS, rng.nextInt(5) * MS, rng.nextInt(4) / 100.0,
                rng.nextInt(3) / 100.0, rng.nextInt(10) / 100.0, LinkParams.DEFAULT_MTU);
        List<String[]> pairs = Topologies.pairs(new LinkSpec.Random(degree), peers, new SplitMix64(seed).fork(1));
        List<List<String>> links = new ArrayList<>();
        for (String[] p : pairs) {
            links.add(List.of(p[0], p[1]));
        }
        List<ScenarioEvent> events = faults(rng, peers, links);
        return new Scenario("swarm-" + seed, "swarm-" + seed + ".yaml", seed, peers, new LinkSpec.Explicit(links),
                net, Map.of(), true, Map.of(), events, HEAL_AT_NS + CONVERGE_BOUND_NS, expectations());
    }

    /** What every swarm run must satisfy. */
    public static List<Expectation> expectations() {
        return List.of(new Expectation("no-loops", Map.of("value", true), 0),
                new Expectation("converged-within", Map.of("within", CONVERGE_BOUND_NS), 0));
    }

    private static List<ScenarioEvent> faults(DeterministicRandom rng, List<String> peers, List<List<String>> links) {
        int count = rng.nextInt(MAX_FAULTS + 1);
        List<Long> times = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            times.add(5 * S + (long) (rng.nextDouble() * FAULT_WINDOW_NS) / MS * MS);
        }
        times.sort(Long::compare);
        FaultScript script = new FaultScript(peers, links);
        for (long at : times) {
            String kind = FAULTS[rng.nextInt(FAULTS.length)];
            script.add(at, kind, rng.nextInt(peers.size()), rng.nextInt(Math.max(1, links.size())),
                    rng.nextInt(peers.size() - 1) + 1);
        }
        return script.healed(HEAL_AT_NS);
    }

    /** Builds valid fault events (no crash of a crashed peer, no resume of a running one) and the heal phase. */
    public static final class FaultScript {
        private final List<String> peers;
        private final List<List<String>> links;
        private final Map<String, String> state = new LinkedHashMap<>();
        private final List<ScenarioEvent> events = new ArrayList<>();

        /** An empty script over these peers and links. */
        public FaultScript(List<String> peers, List<List<String>> links) {
            this.peers = peers;
            this.links = links;
            peers.forEach(p -> state.put(p, "up"));
        }

        /**
         * Adds a fault of {@code kind} at {@code atNs}: {@code peer} picks the peer (crash, pause), {@code link}
         * the link (cut, heal), {@code split} where to split the peer list (partition, block). Faults that make
         * no sense in the current state turn into their inverse (crash of a crashed peer restarts it).
         */
        public void add(long atNs, String kind, int peer, int link, int split) {
            String p = peers.get(peer % peers.size());
            List<String> l = links.isEmpty() ? null : links.get(link % links.size());
            Map<String, Object> a = new LinkedHashMap<>();
            String k = kind;
            if ((k.equals("cut") || k.equals("heal")) && l != null) {
                a.put("peers", l);
            } else if (k.equals("partition") || k.equals("block")) {
                int s = Math.max(1, Math.min(peers.size() - 1, split));
                List<String> left = List.copyOf(peers.subList(0, s));
                List<String> right = List.copyOf(peers.subList(s, peers.size()));
                if (k.equals("partition")) {
                    a.put("groups", List.of(left, right));
                } else {
                    a.put("from", left);
                    a.put("to", right);
                }
            } else if (k.equals("crash") || k.equals("pause")) {
                String st = state.get(p);
                k = st.equals("up") ? k : st.equals("down") ? "restart" : "resume";
                state.put(p, k.equals("crash") ? "down" : k.equals("pause") ? "paused" : "up");
                a.put("peer", p);
            } else {
                return;
            }
            events.add(new ScenarioEvent(atNs, k, a, 0));
        }

        /** The script's events, then at {@code healNs}: heal everything, resume the paused, restart the crashed. */
        public List<ScenarioEvent> healed(long healNs) {
            List<ScenarioEvent> out = new ArrayList<>(events);
            out.add(new ScenarioEvent(healNs, "heal-all", Map.of(), 0));
            for (Map.Entry<String, String> e : state.entrySet()) {
                if (!e.getValue().equals("up")) {
                    String k = e.getValue().equals("down") ? "restart" : "resume";
                    out.add(new ScenarioEvent(healNs, k, Map.of("peer", e.getKey()), 0));
                }
            }
            return out;
        }
    }
}
