package net.weft.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;

/**
 * A random partial mesh drawn from a seed: random 48-bit names, a few connections per peer, and per connection a
 * random mix of the states that happen in a live mesh (both established, one end still pending, both pending,
 * reported by one end only).
 */
final class RandomTopology {

    /** Each peer dials this many others at most. */
    static final int MAX_DIALS_PER_PEER = 3;

    final List<PeerName> names;
    final List<PeerSummary> summaries;

    private RandomTopology(List<PeerName> names, List<PeerSummary> summaries) {
        this.names = names;
        this.summaries = summaries;
    }

    /** {@code peers} peers (at least 1), each dialling 0..3 others, drawn from {@code seed}. */
    static RandomTopology generate(long seed, int peers) {
        DeterministicRandom rng = new SplitMix64(seed);
        TreeSet<PeerName> nameSet = new TreeSet<>();
        while (nameSet.size() < peers) {
            long v = rng.nextLong() & PeerName.MASK;
            if (v != 0) {
                nameSet.add(new PeerName(v));
            }
        }
        List<PeerName> names = new ArrayList<>(nameSet);
        TreeMap<PeerName, TreeMap<PeerName, ConnectionSummary>> reported = new TreeMap<>();
        names.forEach(n -> reported.put(n, new TreeMap<>()));
        for (PeerName from : names) {
            int dials = rng.nextInt(MAX_DIALS_PER_PEER + 1);
            for (int d = 0; d < dials && peers > 1; d++) {
                PeerName to = names.get(rng.nextInt(peers));
                if (!to.equals(from)) {
                    connect(reported, from, to, rng.nextInt(10));
                }
            }
        }
        List<PeerSummary> summaries = new ArrayList<>();
        reported.forEach((name, conns) -> summaries.add(new PeerSummary(name, "", name.value() + 1, 1, 0, true,
                new ArrayList<>(conns.values()))));
        return new RandomTopology(names, summaries);
    }

    /** 0-5 both established; 6 dialler pending; 7 both pending; 8 reported by the dialler only; 9 by the other. */
    private static void connect(TreeMap<PeerName, TreeMap<PeerName, ConnectionSummary>> reported, PeerName from,
            PeerName to, int kind) {
        boolean fromReports = kind != 9;
        boolean toReports = kind != 8;
        if (fromReports) {
            reported.get(from).put(to, new ConnectionSummary(to, "", true, kind != 6 && kind != 7));
        }
        if (toReports) {
            reported.get(to).put(from, new ConnectionSummary(from, "", false, kind != 7));
        }
    }
}
