package net.weft.core.overlay;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ParseResult;

/**
 * The unencrypted sleeve UDP datagram (data-plane notes §1.3): the sender's peer name, then frames, each
 * {@code srcPeer(6) dstPeer(6) length(2, big-endian) ethernetFrame(length)}.
 *
 * <p>{@link #decode} never throws: it rejects datagrams shorter than the sender name, longer than
 * {@link #MAX_DATAGRAM_BYTES}, with a frame cut short, with 1 to 13 bytes left over after the last frame
 * (too few for a frame header), or with more than {@link #MAX_FRAMES_PER_PACKET} frames. A datagram of just
 * the sender name decodes to zero frames, as in Weave. {@link #encode} is for our own frames and throws on
 * limits we should never break.
 *
 * @param sender the peer that sent the datagram (selects the forwarder and, when encrypted, the key)
 * @param frames the frames in wire order
 */
public record SleevePacket(PeerName sender, List<SleeveFrame> frames) {

    /** Bytes of the sender name at the start of every datagram ({@code PacketOverhead}). */
    public static final int SENDER_BYTES = PeerName.BYTES;
    /** Bytes of each frame's header: source peer, destination peer, length ({@code FrameOverhead}). */
    public static final int FRAME_HEADER_BYTES = 2 * PeerName.BYTES + 2;
    /** The largest frame the 16-bit length field can describe. */
    public static final int MAX_FRAME_BYTES = 0xFFFF;
    /** Weave reads at most this many bytes per datagram ({@code MaxUDPPacketSize}); longer ones are refused. */
    public static final int MAX_DATAGRAM_BYTES = 65535;
    /** Weave's sender packs at most this many frames; more in one datagram is refused as abuse. */
    public static final int MAX_FRAMES_PER_PACKET = 100;
    /** IPv4 (20) + UDP (8) header bytes around every datagram on the underlay. */
    public static final int UDP_IPV4_OVERHEAD_BYTES = 28;
    /** The largest UDP payload over IPv4, Weave's batching limit on the non-DF path. */
    public static final int MAX_UDP_PAYLOAD_BYTES = 65535 - UDP_IPV4_OVERHEAD_BYTES;

    /** Copies the frame list. */
    public SleevePacket {
        frames = List.copyOf(frames);
    }

    /**
     * Encodes a datagram from {@code sender} carrying {@code frames} in order.
     *
     * @throws IllegalArgumentException when the result would exceed {@link #MAX_DATAGRAM_BYTES} or
     *         {@link #MAX_FRAMES_PER_PACKET} (a bug in the caller's batching)
     */
    public static byte[] encode(PeerName sender, List<SleeveFrame> frames) {
        if (frames.size() > MAX_FRAMES_PER_PACKET) {
            throw new IllegalArgumentException("more than " + MAX_FRAMES_PER_PACKET + " frames: " + frames.size());
        }
        int size = SENDER_BYTES;
        for (SleeveFrame f : frames) {
            size += f.encodedBytes();
        }
        if (size > MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("datagram of " + size + " bytes exceeds " + MAX_DATAGRAM_BYTES);
        }
        byte[] out = new byte[size];
        sender.writeTo(out, 0);
        int pos = SENDER_BYTES;
        for (SleeveFrame f : frames) {
            f.src().writeTo(out, pos);
            f.dst().writeTo(out, pos + PeerName.BYTES);
            out[pos + 12] = (byte) (f.frame().length >>> 8);
            out[pos + 13] = (byte) f.frame().length;
            System.arraycopy(f.frame(), 0, out, pos + FRAME_HEADER_BYTES, f.frame().length);
            pos += f.encodedBytes();
        }
        return out;
    }

    /** Encodes this packet. */
    public byte[] encode() {
        return encode(sender, frames);
    }

    /** Decodes a datagram a peer sent; never throws. Frame bytes are copied out of {@code datagram}. */
    public static ParseResult<SleevePacket> decode(byte[] datagram) {
        if (datagram == null || datagram.length < SENDER_BYTES) {
            return ParseResult.rejected("datagram shorter than the " + SENDER_BYTES + "-byte sender name: "
                    + (datagram == null ? 0 : datagram.length) + " bytes");
        }
        if (datagram.length > MAX_DATAGRAM_BYTES) {
            return ParseResult.rejected("datagram longer than " + MAX_DATAGRAM_BYTES + " bytes: " + datagram.length);
        }
        PeerName sender = PeerName.fromBytes(datagram, 0);
        List<SleeveFrame> frames = new ArrayList<>();
        int pos = SENDER_BYTES;
        while (datagram.length - pos >= FRAME_HEADER_BYTES) {
            if (frames.size() == MAX_FRAMES_PER_PACKET) {
                return ParseResult.rejected("more than " + MAX_FRAMES_PER_PACKET + " frames in one datagram");
            }
            int length = ((datagram[pos + 12] & 0xFF) << 8) | (datagram[pos + 13] & 0xFF);
            int start = pos + FRAME_HEADER_BYTES;
            if (datagram.length - start < length) {
                return ParseResult.rejected("frame " + (frames.size() + 1) + " truncated: length " + length + ", "
                        + (datagram.length - start) + " bytes left");
            }
            byte[] frame = new byte[length];
            System.arraycopy(datagram, start, frame, 0, length);
            frames.add(new SleeveFrame(PeerName.fromBytes(datagram, pos),
                    PeerName.fromBytes(datagram, pos + PeerName.BYTES), frame));
            pos = start + length;
        }
        if (pos != datagram.length) {
            return ParseResult.rejected((datagram.length - pos) + " bytes left over after the last frame, fewer than"
                    + " a " + FRAME_HEADER_BYTES + "-byte frame header");
        }
        return ParseResult.ok(new SleevePacket(sender, frames));
    }
}
