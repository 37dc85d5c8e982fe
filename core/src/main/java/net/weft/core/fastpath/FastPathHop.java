package net.weft.core.fastpath;

import java.util.Objects;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleeveChannel;

/**
 * A neighbour the fast path may send sleeve datagrams to: its UDP address, the connection's overlay MTU and the
 * channel that seals (or passes through) what goes to it and opens what comes from it.
 *
 * <p>Equality compares the channel by identity (a reconnect gives a new channel, so a new hop).
 *
 * @param peer    the neighbour
 * @param remote  where its datagrams go
 * @param mtu     the overlay MTU: frames longer than {@code mtu + 14} never take the fast path
 * @param channel the connection's sleeve channel
 */
public record FastPathHop(PeerName peer, Endpoint remote, int mtu, SleeveChannel channel) {

    /** Validates presence of every part. */
    public FastPathHop {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(channel, "channel");
    }

    /** The longest Ethernet frame (header included) that may be sent to this hop as it is. */
    public int maxFrameBytes() {
        return mtu + SleeveChannel.ETHERNET_HEADER_BYTES;
    }
}
