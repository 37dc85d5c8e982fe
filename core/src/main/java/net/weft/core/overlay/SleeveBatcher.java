package net.weft.core.overlay;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;

/**
 * Packs frames queued for one neighbour into as few datagrams as possible (Weave's
 * {@code aggregateAndSend}): frames are taken in queue order and added to the current datagram while it
 * stays within the size limit and {@link SleevePacket#MAX_FRAMES_PER_PACKET}; then a new datagram starts.
 * A frame that cannot fit even alone is reported as oversized and not sent. Order is preserved.
 */
public final class SleeveBatcher {

    private SleeveBatcher() {
    }

    /**
     * The outcome of packing.
     *
     * @param datagrams encoded datagrams, in order
     * @param oversized frames too large for {@code maxDatagramBytes} on their own, dropped
     */
    public record Batch(List<byte[]> datagrams, List<SleeveFrame> oversized) {
        /** Copies the lists. */
        public Batch {
            datagrams = List.copyOf(datagrams);
            oversized = List.copyOf(oversized);
        }
    }

    /**
     * Packs {@code queued} into datagrams from {@code sender} of at most {@code maxDatagramBytes} each
     * (UDP payload, sender name included): {@link SleevePacket#MAX_UDP_PAYLOAD_BYTES} on the non-DF path,
     * path MTU minus 28 on the DF path.
     */
    public static Batch pack(PeerName sender, List<SleeveFrame> queued, int maxDatagramBytes) {
        if (maxDatagramBytes < SleevePacket.SENDER_BYTES + SleevePacket.FRAME_HEADER_BYTES
                || maxDatagramBytes > SleevePacket.MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("datagram size limit out of range: " + maxDatagramBytes);
        }
        List<byte[]> datagrams = new ArrayList<>();
        List<SleeveFrame> oversized = new ArrayList<>();
        List<SleeveFrame> current = new ArrayList<>();
        int size = SleevePacket.SENDER_BYTES;
        for (SleeveFrame f : queued) {
            if (SleevePacket.SENDER_BYTES + f.encodedBytes() > maxDatagramBytes) {
                oversized.add(f);
                continue;
            }
            if (size + f.encodedBytes() > maxDatagramBytes || current.size() == SleevePacket.MAX_FRAMES_PER_PACKET) {
                datagrams.add(SleevePacket.encode(sender, current));
                current.clear();
                size = SleevePacket.SENDER_BYTES;
            }
            current.add(f);
            size += f.encodedBytes();
        }
        if (!current.isEmpty()) {
            datagrams.add(SleevePacket.encode(sender, current));
        }
        return new Batch(datagrams, oversized);
    }
}
