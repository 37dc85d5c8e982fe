package net.weft.scenarios;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.weft.core.rng.DeterministicRandom;

/** Expands a {@link LinkSpec} into the list of linked pairs, in a deterministic order. */
public final class Topologies {

    private Topologies() {
    }

    /** The pairs of {@code spec} over {@code peers}; random meshes draw from {@code rng}. */
    public static List<String[]> pairs(LinkSpec spec, List<String> peers, DeterministicRandom rng) {
        List<String[]> out = new ArrayList<>();
        int n = peers.size();
        if (spec instanceof LinkSpec.Explicit) {
            for (List<String> p : ((LinkSpec.Explicit) spec).pairs()) {
                out.add(new String[] {p.get(0), p.get(1)});
            }
        } else if (spec instanceof LinkSpec.Ring || spec instanceof LinkSpec.Line) {
            for (int i = 0; i + 1 < n; i++) {
                out.add(new String[] {peers.get(i), peers.get(i + 1)});
            }
            if (spec instanceof LinkSpec.Ring && n > 2) {
                out.add(new String[] {peers.get(n - 1), peers.get(0)});
            }
        } else if (spec instanceof LinkSpec.Star) {
            for (int i = 1; i < n; i++) {
                out.add(new String[] {peers.get(0), peers.get(i)});
            }
        } else if (spec instanceof LinkSpec.Full) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    out.add(new String[] {peers.get(i), peers.get(j)});
                }
            }
        } else {
            random(((LinkSpec.Random) spec).degree(), peers, rng, out);
        }
        return out;
    }

    /**
     * A connected random mesh: a random tree (each peer links to a random earlier one), then random extra
     * links until the average degree reaches {@code degree} (or the mesh is full).
     */
    private static void random(int degree, List<String> peers, DeterministicRandom rng, List<String[]> out) {
        int n = peers.size();
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i < n; i++) {
            int j = rng.nextInt(i);
            seen.add(key(i, j));
            out.add(new String[] {peers.get(j), peers.get(i)});
        }
        long full = (long) n * (n - 1) / 2;
        long target = Math.min(full, (long) n * degree / 2);
        while (out.size() < target) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            if (a != b && seen.add(key(a, b))) {
                out.add(new String[] {peers.get(Math.min(a, b)), peers.get(Math.max(a, b))});
            }
        }
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
