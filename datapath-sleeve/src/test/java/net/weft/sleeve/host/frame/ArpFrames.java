package net.weft.sleeve.host.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;

import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;

/** Builds and recognises the Ethernet ARP frames the TAP tests exchange with a container. */
public final class ArpFrames {

    /** Ethernet's minimum frame length without FCS. */
    public static final int MIN_FRAME_BYTES = 60;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int OPERATION_REQUEST = 1;
    public static final int OPERATION_REPLY = 2;
    private static final int ETHERTYPE_OFFSET = 12;
    private static final int ARP_OFFSET = 14;
    private static final int OPERATION_OFFSET = ARP_OFFSET + 6;
    private static final int SENDER_MAC_OFFSET = ARP_OFFSET + 8;
    private static final int SENDER_IP_OFFSET = ARP_OFFSET + 14;
    private static final int TARGET_MAC_OFFSET = ARP_OFFSET + 18;

    private ArpFrames() {
    }

    /** "Who has {@code target}? Tell {@code senderIp} at {@code senderMac}", broadcast. */
    public static byte[] request(MacAddress senderMac, Ipv4Prefix senderIp, Ipv4Prefix target) {
        ByteBuffer f = ByteBuffer.allocate(MIN_FRAME_BYTES);
        f.put(PeerName.of("ff:ff:ff:ff:ff:ff").toBytes()).put(bytes(senderMac)).putShort((short) ETHERTYPE_ARP);
        f.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) OPERATION_REQUEST);
        f.put(bytes(senderMac)).put(senderIp.addressBytes()).put(new byte[6]).put(target.addressBytes());
        return f.array();
    }

    public static boolean isArp(byte[] frame, int length) {
        return length >= TARGET_MAC_OFFSET + 10
                && (ByteBuffer.wrap(frame).getShort(ETHERTYPE_OFFSET) & 0xffff) == ETHERTYPE_ARP;
    }

    public static int operation(byte[] frame) {
        return ByteBuffer.wrap(frame).getShort(OPERATION_OFFSET) & 0xffff;
    }

    public static MacAddress destination(byte[] frame) {
        return MacAddress.read(frame, 0);
    }

    public static MacAddress senderMac(byte[] frame) {
        return MacAddress.read(frame, SENDER_MAC_OFFSET);
    }

    public static Ipv4Prefix senderIp(byte[] frame) {
        byte[] ip = new byte[4];
        System.arraycopy(frame, SENDER_IP_OFFSET, ip, 0, 4);
        return Ipv4Prefix.fromBytes(ip, 32);
    }

    /** Frames to skip while looking for a reply (IPv6 router solicitations, MLD reports, ...). */
    private static final int MAX_FRAMES_EXAMINED = 200;
    /** Per-wait guard so that a broken path fails instead of hanging. */
    private static final int WAIT_GUARD_MS = 5_000;

    /** Reads frames from {@code port} until an ARP reply to {@code requester}, via byte[] or a direct buffer. */
    public static byte[] awaitReply(FramePort port, MacAddress requester, boolean direct) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(FramePort.MAX_FRAME_BYTES);
        byte[] frame = new byte[FramePort.MAX_FRAME_BYTES];
        for (int i = 0; i < MAX_FRAMES_EXAMINED; i++) {
            assertThat(port.awaitFrame(WAIT_GUARD_MS)).as("a frame arrives on " + port.name()).isTrue();
            int length;
            if (direct) {
                buffer.clear();
                length = port.readFrame(buffer);
                buffer.flip().get(frame, 0, length);
            } else {
                length = port.readFrame(frame, 0, frame.length);
            }
            if (isArp(frame, length) && operation(frame) == OPERATION_REPLY && destination(frame).equals(requester)) {
                return Arrays.copyOf(frame, length);
            }
        }
        throw new AssertionError("no ARP reply among " + MAX_FRAMES_EXAMINED + " frames");
    }

    private static byte[] bytes(MacAddress mac) {
        return new PeerName(mac.value()).toBytes();
    }
}
