package net.weft.sleeve.fastpath;

import java.util.concurrent.atomic.AtomicLong;
import net.weft.core.fastpath.FastPathHop;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleevePacket;
import net.weft.sleeve.host.udp.DatagramBatch;
import net.weft.sleeve.host.udp.UdpAddress;
import net.weft.sleeve.host.udp.UdpSocket;

/**
 * Packs frames into sleeve datagrams and datagrams into one {@code sendmmsg}: consecutive frames for the same
 * hop share a datagram (Weave's format allows several) while the frames fit what one full-size frame would take,
 * so a datagram never exceeds the underlay packet the overlay MTU was derived from. Each datagram is written once,
 * in place: our name, then frame headers and frames, then sealed by the hop's channel where it lies.
 *
 * <p>One per thread; call {@link #add} per frame and {@link #flush} at the end of every burst.
 */
final class DatagramAssembler {

    /** Room for the largest datagram plus the encrypted header. */
    private static final int PACKET_BYTES = SleevePacket.MAX_DATAGRAM_BYTES + 64;

    private final PeerName self;
    private final UdpSocket socket;
    private final DatagramBatch batch;
    private final byte[] packet = new byte[PACKET_BYTES];
    private FastPathHop openHop;
    private UdpAddress openAddress;
    private int header;
    private int framesLength;
    private int frameCount;
    private final AtomicLong datagramsSent;

    /** Adds every datagram it hands to the kernel to {@code datagramsSent} (shared with other senders). */
    DatagramAssembler(PeerName self, UdpSocket socket, DatagramBatch batch, AtomicLong datagramsSent) {
        this.self = self;
        this.socket = socket;
        this.batch = batch;
        this.datagramsSent = datagramsSent;
    }

    /**
     * Appends the frame {@code frame[offset, offset + length)}, labelled {@code src -> dst}, to the datagram for
     * {@code hop} (at {@code address}), closing the open datagram first when it is for another hop or full.
     */
    void add(FastPathHop hop, UdpAddress address, PeerName src, PeerName dst, byte[] frame, int offset,
            int length) {
        int encoded = SleevePacket.FRAME_HEADER_BYTES + length;
        if (openHop != null && (openHop != hop || !fits(hop, encoded))) {
            close();
        }
        if (openHop == null) {
            openHop = hop;
            openAddress = address;
            header = hop.channel().headerBytes();
            self.writeTo(packet, 0);
        }
        int at = header + framesLength;
        src.writeTo(packet, at);
        dst.writeTo(packet, at + PeerName.BYTES);
        packet[at + 12] = (byte) (length >>> 8);
        packet[at + 13] = (byte) length;
        System.arraycopy(frame, offset, packet, at + SleevePacket.FRAME_HEADER_BYTES, length);
        framesLength += encoded;
        frameCount++;
    }

    /** Closes the open datagram and sends every queued one. */
    void flush() {
        close();
        if (batch.count() > 0) {
            sendBatch();
        }
    }

    private void sendBatch() {
        datagramsSent.addAndGet(socket.send(batch));
        batch.clear();
    }

    /** A frame list may hold what one frame of the hop's full MTU would take, and at most 100 frames. */
    private boolean fits(FastPathHop hop, int encoded) {
        int limit = Math.min(hop.maxFrameBytes() + SleevePacket.FRAME_HEADER_BYTES,
                DatagramBatch.MAX_DATAGRAM_BYTES - header);
        return framesLength + encoded <= limit && frameCount < SleevePacket.MAX_FRAMES_PER_PACKET;
    }

    private void close() {
        if (openHop == null) {
            return;
        }
        int length = openHop.channel().sealInPlace(packet, 0, framesLength);
        if (!batch.add(openAddress, packet, 0, length)) {
            sendBatch();
            if (!batch.add(openAddress, packet, 0, length) && socket.sendTo(openAddress, packet, 0, length)) {
                datagramsSent.incrementAndGet();
            }
        }
        openHop = null;
        openAddress = null;
        framesLength = 0;
        frameCount = 0;
    }
}
