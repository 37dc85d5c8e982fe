package net.weft.viz.source;

import java.util.function.LongSupplier;

/**
 * The viewer's transport controls as plain logic: which instant is shown, whether time runs, and how fast.
 * At the live edge, playing makes the source produce more (a simulation runs on); behind it, playing replays
 * the recording. Speed is virtual seconds per real second; {@link #MAX_SPEED} runs the simulation as fast as
 * a frame's time budget allows. Wall time comes in as a parameter, so this class is tested without a clock.
 */
public final class Playback {

    /** "As fast as possible". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    /** Wall time spent simulating per displayed frame at maximum speed. */
    public static final long MAX_SPEED_BUDGET_NS = 25_000_000L;
    /** Real time a message marker takes to cross an edge (scaled by speed into virtual time). */
    public static final long VISIBLE_TRAVEL_REAL_NS = 400_000_000L;
    /** Shortest virtual travel time drawn. */
    public static final long MIN_TRAVEL_NS = 1_000_000L;
    /** Virtual time one press of "step" advances. */
    public static final long STEP_NS = SimSession.FRAME_INTERVAL_NS;

    private final MeshSource source;
    private final LongSupplier wallClockNs;
    private long displayNs;
    private boolean playing;
    private double speed = 1.0;

    /** Controls over {@code source}, reading wall time from {@code wallClockNs} for the maximum speed. */
    public Playback(MeshSource source, LongSupplier wallClockNs) {
        this.source = source;
        this.wallClockNs = wallClockNs;
        this.displayNs = source.recording().endNs();
    }

    /** The instant shown. */
    public long displayNs() {
        return displayNs;
    }

    /** True while time runs. */
    public boolean playing() {
        return playing;
    }

    /** Starts or stops time. */
    public void setPlaying(boolean on) {
        playing = on;
    }

    /** Virtual seconds per real second ({@link #MAX_SPEED} for as fast as possible). */
    public double speed() {
        return speed;
    }

    /** Sets the speed; must be positive. */
    public void setSpeed(double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + s);
        }
        speed = s;
    }

    /** True when the shown instant is the latest recorded one. */
    public boolean atLiveEdge() {
        return displayNs >= source.recording().endNs();
    }

    /** Moves time on by {@code realElapsedNs} of wall time if playing. */
    public void tick(long realElapsedNs) {
        if (!playing) {
            return;
        }
        if (speed == MAX_SPEED) {
            long start = wallClockNs.getAsLong();
            do {
                advance(STEP_NS);
            } while (wallClockNs.getAsLong() - start < MAX_SPEED_BUDGET_NS);
            return;
        }
        advance(Math.max(1, Math.round(realElapsedNs * speed)));
    }

    /** Pauses and advances by one step. */
    public void step() {
        playing = false;
        advance(STEP_NS);
    }

    /** Pauses and shows instant {@code ns} (clamped to what is recorded). */
    public void scrubTo(long ns) {
        playing = false;
        displayNs = Math.max(source.recording().startNs(), Math.min(ns, source.recording().endNs()));
    }

    /** Runs on until virtual time {@code ns} (recording as it goes) and shows it. */
    public void runTo(long ns) {
        long reached = source.advanceTo(ns);
        displayNs = Math.min(ns, reached);
    }

    /** Virtual time a message marker takes to cross an edge at this speed. */
    public long travelNs() {
        if (speed == MAX_SPEED) {
            return STEP_NS;
        }
        return Math.max(MIN_TRAVEL_NS, Math.round(VISIBLE_TRAVEL_REAL_NS * speed));
    }

    private void advance(long byNs) {
        long target = displayNs + byNs;
        if (target > source.recording().endNs()) {
            target = Math.min(target, source.advanceTo(target));
        }
        displayNs = target;
    }
}
