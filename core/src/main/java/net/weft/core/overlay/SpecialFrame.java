package net.weft.core.overlay;

/**
 * A parsed in-band control frame of the sleeve overlay (data-plane notes §1.4), told apart by length.
 * Built and parsed by {@link SpecialFrames}.
 */
public sealed interface SpecialFrame {

    /** Proof that UDP gets through, carrying the connection UID both ends agreed on. */
    record Heartbeat(long connUid) implements SpecialFrame { }

    /** A 60001-byte frame sent without DF: if it arrives, the path reassembles IP fragments. */
    record FragmentationTest() implements SpecialFrame { }

    /** A DF probe of {@code mtu + 14} bytes: if it arrives, the path carries frames of that MTU. */
    record PmtuProbe(int mtu) implements SpecialFrame { }
}
