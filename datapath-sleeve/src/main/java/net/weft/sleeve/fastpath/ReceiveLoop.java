package net.weft.sleeve.fastpath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.weft.core.crypto.SleeveOpenOutcome;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.FastPathHop;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.forward.EthernetFrame;
import net.weft.core.fastpath.FastPathTarget;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.udp.DatagramBatch;
import net.weft.sleeve.host.udp.UdpAddress;
import net.weft.sleeve.host.udp.UdpSocket;

/**
 * The receive thread's work: take bursts of datagrams with one {@code recvmmsg}, open each with its sender's
 * channel where it lies, deliver frames for local containers to the TAP, relay frames for other peers (packed and
 * batched), and hand the router everything else: datagrams from senders without a table entry or that do not
 * open or parse (as they arrived, so the router counts and reports them), and the frames of opened datagrams the
 * table does not cover (heartbeats, broadcasts, new MACs) as an opened datagram.
 */
final class ReceiveLoop implements Runnable {

    /** How long one wait for datagrams lasts before the loop checks whether it must stop or report. */
    static final int RECEIVE_TIMEOUT_MS = 200;

    private final UdpSocket socket;
    private final DatagramBatch received;
    private volatile Delivery delivery;
    private volatile Runnable afterDelivery = () -> { };
    private final Supplier<InstalledTable> table;
    private final DatagramAssembler relay;
    private final SlowPath slow;
    private final Reporter reporter;
    private final byte[] packet;
    private final Sightings sightings = new Sightings();
    private volatile boolean running = true;
    private long receivedFrames;
    private long delivered;
    private long relayed;
    private volatile long datagramsReceived;

    /** Nothing is delivered locally until a TAP port is attached ({@link #attachTap}). */
    ReceiveLoop(UdpSocket socket, DatagramBatch received, Supplier<InstalledTable> table,
            DatagramAssembler relay, SlowPath slow, Reporter reporter) {
        this.socket = socket;
        this.received = received;
        this.table = table;
        this.relay = relay;
        this.slow = slow;
        this.reporter = reporter;
        this.packet = new byte[received.maxBytes()];
    }

    @Override
    public void run() {
        while (running) {
            int n;
            try {
                n = socket.receive(received, RECEIVE_TIMEOUT_MS);
            } catch (IllegalStateException closed) {
                break;
            }
            datagramsReceived += n;
            long deliveredBefore = delivered;
            InstalledTable t = table.get();
            for (int i = 0; i < n; i++) {
                onDatagram(t, i);
            }
            relay.flush();
            Delivery to = delivery;
            if (to != null) {
                to.flush();
                if (delivered != deliveredBefore) {
                    afterDelivery.run();
                }
            }
            if (reporter.due()) {
                report();
            }
        }
        report();
    }

    /** Datagrams taken from the socket so far (written by this loop's thread only). */
    long datagramsReceived() {
        return datagramsReceived;
    }

    /** Frames the TAP refused (the bridge port went away or its queue is full); they are lost, as on a wire. */
    long injectFailures() {
        Delivery to = delivery;
        return to == null ? 0 : to.failures();
    }

    /**
     * From now on frames for local containers are delivered into {@code port}: coalesced into super-frames when it
     * is in offload mode, one write per frame otherwise; {@code afterDeliveries} runs after every burst that
     * delivered something (the capture side forwarding the replies already waiting).
     */
    void attachTap(FramePort port, boolean offload, Runnable afterDeliveries) {
        afterDelivery = afterDeliveries;
        delivery = new Delivery(port, offload);
    }

    /** Asks the loop to end after its current wait. */
    void stop() {
        running = false;
    }

    private void onDatagram(InstalledTable t, int i) {
        int length = received.length(i);
        FastPathHop hop = length < SleevePacket.SENDER_BYTES || received.truncated(i) ? null
                : hopOf(t.table, i);
        if (hop == null) {
            slow.datagramReceived(received.sender(i), received.bytes(i));
            return;
        }
        received.copyOut(i, 0, packet, 0, length);
        SleeveOpenOutcome outcome = hop.channel().openInPlace(packet, 0, length);
        int start = hop.channel().headerBytes();
        if (outcome != SleeveOpenOutcome.OK) {
            slow.datagramReceived(received.sender(i), received.bytes(i));
            return;
        }
        if (!wellFormed(start, length)) {
            slow.datagramOpened(received.sender(i), plainDatagram(start, length));
            return;
        }
        List<SleeveFrame> left = forwardFrames(t, hop, start, length);
        if (!left.isEmpty()) {
            slow.datagramOpened(received.sender(i), SleevePacket.encode(hop.peer(), left));
        }
    }

    /** {@code sender || frames} of the opened packet (the sender name sits at 0 in both formats). */
    private byte[] plainDatagram(int start, int end) {
        byte[] plain = new byte[SleevePacket.SENDER_BYTES + end - start];
        System.arraycopy(packet, 0, plain, 0, SleevePacket.SENDER_BYTES);
        System.arraycopy(packet, start, plain, SleevePacket.SENDER_BYTES, end - start);
        return plain;
    }

    /** The sender's hop when the table has one (the sender name is the first 6 bytes, clear in both formats). */
    private FastPathHop hopOf(FastPathTable t, int i) {
        received.copyOut(i, 0, packet, 0, SleevePacket.SENDER_BYTES);
        return t.hopFrom(PeerName.fromBytes(packet, 0));
    }

    /** True when the frame list in {@code packet[start, end)} parses exactly, as the router's decoder wants it. */
    private boolean wellFormed(int start, int end) {
        int pos = start;
        int frames = 0;
        while (end - pos >= SleevePacket.FRAME_HEADER_BYTES) {
            int length = ((packet[pos + 12] & 0xFF) << 8) | (packet[pos + 13] & 0xFF);
            pos += SleevePacket.FRAME_HEADER_BYTES + length;
            if (pos > end || ++frames > SleevePacket.MAX_FRAMES_PER_PACKET) {
                return false;
            }
        }
        return pos == end;
    }

    /** Delivers or relays what the table covers; returns the other frames, in order, for the router. */
    private List<SleeveFrame> forwardFrames(InstalledTable t, FastPathHop from, int start, int end) {
        List<SleeveFrame> left = List.of();
        FastPathTable ft = t.table;
        for (int pos = start; pos < end; ) {
            int length = ((packet[pos + 12] & 0xFF) << 8) | (packet[pos + 13] & 0xFF);
            int frame = pos + SleevePacket.FRAME_HEADER_BYTES;
            PeerName src = PeerName.fromBytes(packet, pos);
            PeerName dst = PeerName.fromBytes(packet, pos + PeerName.BYTES);
            if (!handled(t, ft, from, src, dst, frame, length)) {
                if (left.isEmpty()) {
                    left = new ArrayList<>();
                }
                left.add(new SleeveFrame(src, dst, java.util.Arrays.copyOfRange(packet, frame, frame + length)));
            }
            pos = frame + length;
        }
        return left;
    }

    private boolean handled(InstalledTable t, FastPathTable ft, FastPathHop from, PeerName src, PeerName dst,
            int frame, int length) {
        if (dst.equals(ft.self())) {
            Delivery to = delivery;
            if (to == null || !ft.deliverable(from, src, packet, frame, length)) {
                return false;
            }
            to.deliver(packet, frame, length);
            sightings.record(EthernetFrame.macAt(packet, frame + EthernetFrame.SRC_MAC_OFFSET), src);
            receivedFrames++;
            delivered++;
            return true;
        }
        FastPathTarget target = ft.forRelay(from, dst, packet, frame, length);
        UdpAddress address = target == null ? null : t.address(target.hop());
        if (address == null) {
            return false;
        }
        relay.add(target.hop(), address, src, dst, packet, frame, length);
        receivedFrames++;
        relayed++;
        return true;
    }

    private void report() {
        if (receivedFrames == 0 && sightings.size() == 0) {
            return;
        }
        slow.report(sightings.drain(), new FastPathCounts(0, receivedFrames, delivered, relayed));
        receivedFrames = 0;
        delivered = 0;
        relayed = 0;
    }
}
