package net.weft.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.weft.core.rng.DeterministicRandom;

/**
 * The physical network under the overlay: which hosts are linked, how each link behaves, and which faults
 * are in force (cut links, partitions into groups, one-way blocks). Hosts are small integers.
 *
 * <p>Only directly linked hosts reach each other: the underlay does not route. Lookups use a hash map
 * keyed by the host pair; every listing is sorted, so no hash order ever leaks into a run.
 */
final class Underlay {

    private static final int NO_GROUP = 0;

    /** One undirected link and its state. */
    static final class Link {
        final int low;
        final int high;
        LinkParams params;
        boolean cut;
        private final DeterministicRandom[] rng = new DeterministicRandom[2];

        Link(int low, int high, LinkParams params) {
            this.low = low;
            this.high = high;
            this.params = params;
        }

        /** The random stream for datagrams sent by {@code from} on this link, made on first use. */
        DeterministicRandom rng(int from, SimNetwork net) {
            int dir = from == low ? 0 : 1;
            if (rng[dir] == null) {
                rng[dir] = net.linkRng(from, from == low ? high : low);
            }
            return rng[dir];
        }
    }

    private final Map<Long, Link> links = new HashMap<>();
    private final List<TreeSet<Integer>> neighbours = new ArrayList<>();
    private int[] group = new int[0];
    private final List<BitSet[]> oneWayBlocks = new ArrayList<>();

    /**
     * The map key of a host pair: the pair packed into 64 bits, then scrambled by a bijective mix so that
     * {@link Long#hashCode} (which folds the halves by XOR) does not collide for pairs with equal lo ^ hi.
     */
    private static long key(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        long z = ((long) lo << 32) | (hi & 0xFFFF_FFFFL);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** Makes room for host {@code index}. */
    void addHost(int index) {
        while (neighbours.size() <= index) {
            neighbours.add(new TreeSet<>());
        }
        if (group.length <= index) {
            group = Arrays.copyOf(group, Math.max(index + 1, group.length * 2));
        }
    }

    /** Links two hosts (or updates the link's parameters when already linked). */
    void link(int a, int b, LinkParams params) {
        if (a == b) {
            throw new IllegalArgumentException("a host cannot be linked to itself");
        }
        Link existing = links.get(key(a, b));
        if (existing != null) {
            existing.params = params;
            return;
        }
        links.put(key(a, b), new Link(Math.min(a, b), Math.max(a, b), params));
        neighbours.get(a).add(b);
        neighbours.get(b).add(a);
    }

    /** Removes a link entirely (a host left). */
    void unlink(int a, int b) {
        links.remove(key(a, b));
        neighbours.get(a).remove(b);
        neighbours.get(b).remove(a);
    }

    /** The link between two hosts, or null. */
    Link link(int a, int b) {
        return links.get(key(a, b));
    }

    /** Linked hosts of {@code a}, ascending. */
    List<Integer> neighbours(int a) {
        return new ArrayList<>(neighbours.get(a));
    }

    /** Number of links. */
    int linkCount() {
        return links.size();
    }

    /** Every link, ordered by (low, high). */
    List<Link> links() {
        List<Link> all = new ArrayList<>(links.values());
        all.sort((x, y) -> x.low != y.low ? Integer.compare(x.low, y.low) : Integer.compare(x.high, y.high));
        return all;
    }

    /** Splits hosts into groups that cannot reach each other; unlisted hosts form one more group. */
    void partition(List<int[]> groups) {
        Arrays.fill(group, NO_GROUP);
        for (int g = 0; g < groups.size(); g++) {
            for (int host : groups.get(g)) {
                group[host] = g + 1;
            }
        }
    }

    /** From now on nothing sent by a host in {@code from} reaches a host in {@code to}. */
    void blockOneWay(BitSet from, BitSet to) {
        oneWayBlocks.add(new BitSet[] {(BitSet) from.clone(), (BitSet) to.clone()});
    }

    /** Clears partitions, one-way blocks and every cut. */
    void healAll() {
        Arrays.fill(group, NO_GROUP);
        oneWayBlocks.clear();
        for (Link l : links.values()) {
            l.cut = false;
        }
    }

    /** True when a packet sent by {@code from} can reach {@code to} right now. */
    boolean canSend(int from, int to) {
        Link l = links.get(key(from, to));
        if (l == null || l.cut || group[from] != group[to]) {
            return false;
        }
        for (BitSet[] block : oneWayBlocks) {
            if (block[0].get(from) && block[1].get(to)) {
                return false;
            }
        }
        return true;
    }

    /** True when a TCP connection can live between the two hosts: both directions must work. */
    boolean canConnect(int a, int b) {
        return canSend(a, b) && canSend(b, a);
    }
}
