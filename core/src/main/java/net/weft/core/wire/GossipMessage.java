package net.weft.core.wire;

import java.util.Arrays;
import java.util.Objects;
import net.weft.core.id.PeerName;
import net.weft.core.wire.gob.GobDecoder;
import net.weft.core.wire.gob.GobEncoder;
import net.weft.core.wire.gob.PredefinedType;

/**
 * A gossip message as it travels in one TCP message body: the tag byte, then gob values, each as if from a
 * fresh encoder (they are all predefined types, so no definitions appear): channel name (string), source
 * (uint holding the 48-bit peer name), for unicast only the destination (uint), and the channel's payload
 * ([]byte, opaque here).
 *
 * <p>For {@link ProtocolTag#GOSSIP} the source is the immediate sender; for unicast and broadcast it is
 * the originator, kept unchanged by relays.
 *
 * @param tag     4, 5 or 6 (see {@link ProtocolTag})
 * @param dst     the destination for unicast; {@link PeerName#UNKNOWN} otherwise
 * @param payload the channel's bytes; shared, not copied
 */
public record GossipMessage(int tag, String channel, PeerName src, PeerName dst, byte[] payload) {

    /** Longest channel name accepted from a peer (Weave's are "topology", "IPallocation", "nameserver"). */
    public static final int MAX_CHANNEL_CHARS = 256;

    /** Validates the tag, that only unicast has a destination, and non-null parts. */
    public GossipMessage {
        if (!isGossipTag(tag)) {
            throw new IllegalArgumentException("not a gossip tag: " + tag);
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(payload, "payload");
        if (tag != ProtocolTag.GOSSIP_UNICAST.code() && !dst.equals(PeerName.UNKNOWN)) {
            throw new IllegalArgumentException("only unicast gossip has a destination");
        }
    }

    /** Periodic or relayed gossip (tag 4) from the immediate {@code sender}. */
    public static GossipMessage gossip(String channel, PeerName sender, byte[] payload) {
        return new GossipMessage(ProtocolTag.GOSSIP.code(), channel, sender, PeerName.UNKNOWN, payload);
    }

    /** Unicast gossip (tag 5) from {@code src} to {@code dst}. */
    public static GossipMessage unicast(String channel, PeerName src, PeerName dst, byte[] payload) {
        return new GossipMessage(ProtocolTag.GOSSIP_UNICAST.code(), channel, src, dst, payload);
    }

    /** Broadcast gossip (tag 6) originated by {@code src}. */
    public static GossipMessage broadcast(String channel, PeerName src, byte[] payload) {
        return new GossipMessage(ProtocolTag.GOSSIP_BROADCAST.code(), channel, src, PeerName.UNKNOWN, payload);
    }

    /** The whole TCP message body, starting with the tag byte. */
    public byte[] encode() {
        byte[] out = encodeAfter(1);
        out[0] = (byte) tag;
        return out;
    }

    /**
     * The message as one framed TCP message ({@link FrameReader#frame} of {@link #encode()}), written into one
     * exactly sized array with no intermediate copy: what a plaintext connection sends. The array is fresh, so
     * the caller may hand it to several sends (it is never written after this returns).
     */
    public byte[] encodeFramed() {
        int front = FrameReader.LENGTH_BYTES + 1;
        byte[] out = encodeAfter(front);
        FrameReader.writeLength(out, out.length - FrameReader.LENGTH_BYTES);
        out[FrameReader.LENGTH_BYTES] = (byte) tag;
        return out;
    }

    /** The gob values after {@code reserveFront} bytes left for the caller's prefix. */
    private byte[] encodeAfter(int reserveFront) {
        GobEncoder enc = new GobEncoder();
        enc.encode(PredefinedType.STRING, channel);
        enc.encode(PredefinedType.UINT, src.value());
        if (tag == ProtocolTag.GOSSIP_UNICAST.code()) {
            enc.encode(PredefinedType.UINT, dst.value());
        }
        return enc.toByteArrayWithBytes(payload, reserveFront);
    }

    /** Decodes a TCP message body that starts with tag 4, 5 or 6. */
    public static ParseResult<GossipMessage> decode(byte[] msgWithTag) {
        if (msgWithTag == null || msgWithTag.length == 0) {
            return ParseResult.rejected("gossip: empty message");
        }
        int tag = msgWithTag[0] & 0xFF;
        if (!isGossipTag(tag)) {
            return ParseResult.rejected("gossip: not a gossip tag: " + tag);
        }
        GobDecoder dec = new GobDecoder(msgWithTag, 1, msgWithTag.length - 1);
        ParseResult<String> channel = dec.nextString();
        if (!channel.isOk()) {
            return ParseResult.rejected("gossip channel: " + channel.reason());
        }
        if (channel.value().length() > MAX_CHANNEL_CHARS) {
            return ParseResult.rejected("gossip: channel name longer than " + MAX_CHANNEL_CHARS);
        }
        ParseResult<PeerName> src = peerName(dec, "source");
        if (!src.isOk()) {
            return ParseResult.rejected(src.reason());
        }
        PeerName dst = PeerName.UNKNOWN;
        if (tag == ProtocolTag.GOSSIP_UNICAST.code()) {
            ParseResult<PeerName> d = peerName(dec, "destination");
            if (!d.isOk()) {
                return ParseResult.rejected(d.reason());
            }
            dst = d.value();
        }
        ParseResult<byte[]> payload = dec.nextBytes();
        if (!payload.isOk()) {
            return ParseResult.rejected("gossip payload: " + payload.reason());
        }
        if (!dec.atEnd()) {
            return ParseResult.rejected("gossip: unexpected data after the payload");
        }
        return ParseResult.ok(new GossipMessage(tag, channel.value(), src.value(), dst, payload.value()));
    }

    private static ParseResult<PeerName> peerName(GobDecoder dec, String what) {
        ParseResult<Long> v = dec.nextUint();
        if (!v.isOk()) {
            return ParseResult.rejected("gossip " + what + ": " + v.reason());
        }
        if ((v.value() & ~PeerName.MASK) != 0) {
            return ParseResult.rejected("gossip " + what + ": " + Long.toUnsignedString(v.value())
                    + " is not a 48-bit peer name");
        }
        return ParseResult.ok(new PeerName(v.value()));
    }

    private static boolean isGossipTag(int tag) {
        return tag == ProtocolTag.GOSSIP.code() || tag == ProtocolTag.GOSSIP_UNICAST.code()
                || tag == ProtocolTag.GOSSIP_BROADCAST.code();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GossipMessage m && tag == m.tag && channel.equals(m.channel) && src.equals(m.src)
                && dst.equals(m.dst) && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, channel, src, dst) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "GossipMessage[tag=" + tag + ", channel=" + channel + ", src=" + src + ", dst=" + dst
                + ", payload=" + payload.length + " bytes]";
    }
}
