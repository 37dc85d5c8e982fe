package net.weft.core.overlay;

import java.util.Objects;
import net.weft.core.RouterConfig;
import net.weft.core.crypto.SecretBoxEngine;
import net.weft.core.crypto.SleeveCrypto;
import net.weft.core.crypto.SleeveEncryptor;
import net.weft.core.crypto.SleeveOpenOutcome;
import net.weft.core.crypto.SleeveOpener;
import net.weft.core.id.PeerName;

/**
 * How the sleeve datagrams of one connection look on the wire: plain, or sealed with the connection's
 * session key (data-plane notes §1.3, control-plane notes §3.3 and §3.6).
 *
 * <p>Everything above this class (the forwarder's heartbeats, the data plane's frames) builds and parses
 * <em>plain</em> datagrams, {@code sender name || frame list}. {@link #wrap} turns one into what goes on the
 * wire and {@link #unwrap} turns what arrived back into a plain datagram. A plain channel passes bytes
 * through; an encrypted channel seals the frame list with a {@link SleeveEncryptor} (sender name and
 * {@code seqNoAndDF} in clear) and opens with a {@link SleeveOpener}, whose replay window drops duplicates
 * and packets that are too old. An encrypted channel never accepts a plain datagram: it fails to
 * authenticate. Both ends choose the same kind because trust is mutual: a connection is encrypted on the
 * sleeve exactly when a session key exists and either side does not trust the other.
 *
 * <p>The fast path works in place on its own buffers ({@link #headerBytes}, {@link #sealInPlace},
 * {@link #openInPlace}): a packet is {@code header || frame list}, where the header is the sender name (plain)
 * or sender name, sequence field and tag (encrypted), so frames are written once and sealed or opened where
 * they lie.
 *
 * <p>Every packet goes on the DF path (bit 63 of {@code seqNoAndDF} set, the DF counter), as Weave seals the
 * packets it sends with don't-fragment: the daemon's sleeve socket sets DF on every datagram
 * ({@code IP_PMTUDISC_DO}), heartbeats and PMTU probes included, and the router never sends on Weave's non-DF
 * path (Weave uses it for its fragmentation test, which we do not send, and for frames it lets the kernel
 * fragment). A Weave peer opens both paths. One per connection; sealing (on the encryptor) and opening (on the
 * opener) are synchronized because the router thread (heartbeats, slow-path frames) and fast-path threads share
 * the connection's sequence counter and replay window (in the simulator only one thread ever calls).
 */
public final class SleeveChannel {

    /** The Ethernet header of the frame a datagram carries (not part of the overlay MTU, which counts IP). */
    public static final int ETHERNET_HEADER_BYTES = 14;
    /** IPv4 and UDP headers around every sleeve datagram on the underlay. */
    public static final int UDP_IPV4_OVERHEAD_BYTES = SleevePacket.UDP_IPV4_OVERHEAD_BYTES;
    /**
     * Bytes between an underlay packet and the overlay MTU on a plain channel (Weave's {@code overheadDF}):
     * IPv4+UDP 28, sender name 6, frame header 14, the carried frame's Ethernet header 14 = 62.
     */
    public static final int DF_OVERHEAD_PLAIN = UDP_IPV4_OVERHEAD_BYTES + SleeveCrypto.PACKET_OVERHEAD_PLAIN
            + SleeveCrypto.FRAME_OVERHEAD + ETHERNET_HEADER_BYTES;
    /** The same on an encrypted channel: 30 bytes of packet overhead instead of 6, so 86. */
    public static final int DF_OVERHEAD_ENCRYPTED = UDP_IPV4_OVERHEAD_BYTES
            + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED + SleeveCrypto.FRAME_OVERHEAD + ETHERNET_HEADER_BYTES;
    /** This router sends every packet with don't-fragment, so seals on the DF path; see the class comment. */
    private static final boolean DF_PATH = true;

    private final SleeveEncryptor encryptor;
    private final SleeveOpener opener;

    private SleeveChannel(SleeveEncryptor encryptor, SleeveOpener opener) {
        this.encryptor = encryptor;
        this.opener = opener;
    }

    /** A channel whose datagrams travel in clear (no password, or mutually trusted peers). */
    public static SleeveChannel plain() {
        return new SleeveChannel(null, null);
    }

    /**
     * A channel sealed with {@code sessionKey}.
     *
     * @param local           our peer name, sent in clear in every packet
     * @param localIsOutbound true when we dialled the connection (selects the nonce polarity)
     */
    public static SleeveChannel encrypted(PeerName local, byte[] sessionKey, boolean localIsOutbound) {
        return encrypted(local, sessionKey, localIsOutbound, SecretBoxEngine.JAVA);
    }

    /**
     * A channel sealed with {@code sessionKey}, whose secretboxes come from {@code engines}
     * ({@link RouterConfig#secretBoxes()}: the daemon may supply a native engine).
     */
    public static SleeveChannel encrypted(PeerName local, byte[] sessionKey, boolean localIsOutbound,
            SecretBoxEngine.Factory engines) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(engines, "engines");
        return new SleeveChannel(new SleeveEncryptor(local, sessionKey, localIsOutbound, engines),
                new SleeveOpener(sessionKey, localIsOutbound, engines));
    }

    /**
     * The overlay MTU on an underlay path of {@code underlayMtu} bytes: the largest IP packet a frame may
     * carry so that its datagram fits one unfragmented underlay packet (1438 plain, 1414 encrypted on 1500).
     */
    public static int overlayMtu(int underlayMtu, boolean encrypted) {
        return underlayMtu - (encrypted ? DF_OVERHEAD_ENCRYPTED : DF_OVERHEAD_PLAIN);
    }

    /** True when datagrams are sealed. */
    public boolean encrypted() {
        return encryptor != null;
    }

    /** The overlay MTU of this channel on an underlay path of {@code underlayMtu} bytes. */
    public int overlayMtuOn(int underlayMtu) {
        return overlayMtu(underlayMtu, encrypted());
    }

    /**
     * What to send for the plain datagram {@code plainDatagram} ({@code sender || frames}, sender = us).
     * Plain channels return it as is; encrypted ones return a new sealed packet 24 bytes longer.
     */
    public byte[] wrap(byte[] plainDatagram) {
        if (encryptor == null) {
            return plainDatagram;
        }
        synchronized (encryptor) {
            return sealCopy(plainDatagram);
        }
    }

    private byte[] sealCopy(byte[] plainDatagram) {
        int framesLength = plainDatagram.length - SleevePacket.SENDER_BYTES;
        byte[] out = new byte[framesLength + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED];
        encryptor.seal(DF_PATH, plainDatagram, SleevePacket.SENDER_BYTES, framesLength, out, 0);
        return out;
    }

    /**
     * The plain datagram inside {@code wire}, which a peer sent; never throws. Plain channels accept
     * anything (the packet decoder judges it next). Encrypted ones return the outcome of opening, and on
     * {@link SleeveOpenOutcome#OK} a new {@code sender || frames} array.
     */
    public Unwrapped unwrap(byte[] wire) {
        if (opener == null) {
            return new Unwrapped(SleeveOpenOutcome.OK, wire);
        }
        synchronized (opener) {
            return openCopy(wire);
        }
    }

    private Unwrapped openCopy(byte[] wire) {
        if (wire.length < SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED) {
            return new Unwrapped(SleeveOpenOutcome.MALFORMED, null);
        }
        byte[] plain = new byte[wire.length - SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED + SleevePacket.SENDER_BYTES];
        SleeveOpenOutcome outcome = opener.open(wire, 0, wire.length, plain, SleevePacket.SENDER_BYTES);
        if (outcome != SleeveOpenOutcome.OK) {
            return new Unwrapped(outcome, null);
        }
        System.arraycopy(wire, SleeveCrypto.SENDER_OFFSET, plain, 0, SleevePacket.SENDER_BYTES);
        return new Unwrapped(outcome, plain);
    }

    /** Bytes in front of the frame list in a packet on the wire: 6 plain, 30 encrypted. */
    public int headerBytes() {
        return encryptor == null ? SleevePacket.SENDER_BYTES : SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED;
    }

    /**
     * Turns {@code packet[offset ..]} into a wire packet where it lies: the caller has written our name at
     * {@code offset} and {@code framesLength} bytes of frame list at {@code offset + headerBytes()}. Plain channels
     * leave it; encrypted ones seal the frames in place and fill in sequence field and tag.
     *
     * @return the wire packet's length, {@code headerBytes() + framesLength}
     */
    public int sealInPlace(byte[] packet, int offset, int framesLength) {
        if (encryptor == null) {
            return SleevePacket.SENDER_BYTES + framesLength;
        }
        int framesOffset = offset + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED;
        synchronized (encryptor) {
            return encryptor.seal(DF_PATH, packet, framesOffset, framesLength, packet, offset);
        }
    }

    /**
     * Opens the wire packet {@code packet[offset .. offset + length)} where it lies; on
     * {@link SleeveOpenOutcome#OK} its frame list is at {@code offset + headerBytes()}, {@code length -
     * headerBytes()} bytes long. Plain channels accept any packet at least a sender name long. Never throws.
     */
    public SleeveOpenOutcome openInPlace(byte[] packet, int offset, int length) {
        if (encryptor == null) {
            return length < SleevePacket.SENDER_BYTES ? SleeveOpenOutcome.MALFORMED : SleeveOpenOutcome.OK;
        }
        if (length < SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED) {
            return SleeveOpenOutcome.MALFORMED;
        }
        synchronized (opener) {
            return opener.open(packet, offset, length, packet, offset + SleeveCrypto.CIPHERTEXT_OFFSET);
        }
    }

    /**
     * The result of {@link #unwrap}.
     *
     * @param outcome        {@link SleeveOpenOutcome#OK} or why the packet was dropped
     * @param plainDatagram  {@code sender || frames} when OK, else null
     */
    public record Unwrapped(SleeveOpenOutcome outcome, byte[] plainDatagram) {

        /** True when the datagram may be decoded and forwarded. */
        public boolean ok() {
            return outcome == SleeveOpenOutcome.OK;
        }
    }
}
