package net.weft.viz.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The recorded run, for scrubbing: mesh snapshots in time order (peers whose state did not change share
 * their router view with the previous snapshot, so a frame costs little) and every message pulse in time
 * order. Bounded: beyond {@link #MAX_PULSES} the oldest pulses are forgotten.
 */
public final class Recording {

    /** Pulses kept at most. */
    public static final int MAX_PULSES = 2_000_000;
    /** Snapshots kept at most; beyond, every other old snapshot is thinned out. */
    public static final int MAX_FRAMES = 20_000;

    private final List<MeshSnapshot> frames = new ArrayList<>();
    private final List<Pulse> pulses = new ArrayList<>();
    private long forgottenPulses;

    /** Appends a snapshot; it must not be earlier than the last one. */
    public void add(MeshSnapshot s) {
        if (!frames.isEmpty() && s.atNs() < last().atNs()) {
            throw new IllegalArgumentException("snapshot at " + s.atNs() + " before " + last().atNs());
        }
        if (!frames.isEmpty() && s.atNs() == last().atNs()) {
            frames.set(frames.size() - 1, s);
        } else {
            frames.add(s);
        }
        if (frames.size() > MAX_FRAMES) {
            thin();
        }
    }

    /** Appends a pulse (pulses arrive in time order). */
    public void add(Pulse p) {
        pulses.add(p);
        if (pulses.size() > MAX_PULSES) {
            int drop = MAX_PULSES / 4;
            pulses.subList(0, drop).clear();
            forgottenPulses += drop;
        }
    }

    /** Number of snapshots. */
    public int frameCount() {
        return frames.size();
    }

    /** Number of pulses kept. */
    public int pulseCount() {
        return pulses.size();
    }

    /** Pulses dropped for the bound. */
    public long forgottenPulses() {
        return forgottenPulses;
    }

    /** True before the first snapshot. */
    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /** Time of the first snapshot (0 when empty). */
    public long startNs() {
        return frames.isEmpty() ? 0 : frames.get(0).atNs();
    }

    /** Time of the last snapshot (0 when empty). */
    public long endNs() {
        return frames.isEmpty() ? 0 : last().atNs();
    }

    /** The latest snapshot. */
    public MeshSnapshot last() {
        return frames.get(frames.size() - 1);
    }

    /** The last snapshot taken at or before {@code ns} (the first one when {@code ns} is earlier). */
    public MeshSnapshot frameAt(long ns) {
        int lo = 0;
        int hi = frames.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (frames.get(mid).atNs() <= ns) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return frames.get(lo);
    }

    /** Pulses that left in ({@code fromNs}, {@code toNs}], in time order. */
    public List<Pulse> pulsesIn(long fromNs, long toNs) {
        int i = firstAfter(fromNs);
        int j = firstAfter(toNs);
        return i >= j ? List.of() : List.copyOf(pulses.subList(i, j));
    }

    private int firstAfter(long ns) {
        int lo = 0;
        int hi = pulses.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pulses.get(mid).atNs() <= ns) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void thin() {
        List<MeshSnapshot> kept = new ArrayList<>();
        int half = frames.size() / 2;
        for (int i = 0; i < frames.size(); i++) {
            if (i >= half || i % 2 == 0) {
                kept.add(frames.get(i));
            }
        }
        frames.clear();
        frames.addAll(kept);
    }
}
