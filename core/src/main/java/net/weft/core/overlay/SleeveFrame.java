package net.weft.core.overlay;

import java.util.Arrays;
import java.util.Objects;
import net.weft.core.id.PeerName;

/**
 * One frame inside a sleeve datagram: the peer that captured it, the peer it is for, and the whole
 * Ethernet frame. Equality compares the frame bytes, so decoded packets can be compared in tests.
 *
 * @param src   the peer that captured the frame from its bridge (lets receivers learn MAC locations)
 * @param dst   the peer the frame is for (lets relays forward without knowing MACs)
 * @param frame the Ethernet frame, header included, no FCS; not copied
 */
public record SleeveFrame(PeerName src, PeerName dst, byte[] frame) {

    /** Checks presence and the 16-bit length limit of the wire format. */
    public SleeveFrame {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(frame, "frame");
        if (frame.length > SleevePacket.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame longer than " + SleevePacket.MAX_FRAME_BYTES + " bytes: "
                    + frame.length);
        }
    }

    /** Bytes this frame takes in a datagram: header plus frame. */
    public int encodedBytes() {
        return SleevePacket.FRAME_HEADER_BYTES + frame.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SleeveFrame f && src.equals(f.src) && dst.equals(f.dst) && Arrays.equals(frame, f.frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(src, dst, Arrays.hashCode(frame));
    }

    @Override
    public String toString() {
        return "SleeveFrame[" + src + " -> " + dst + ", " + frame.length + " bytes]";
    }
}
