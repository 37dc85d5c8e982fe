package net.weft.sleeve.host.tap;

import java.nio.ByteBuffer;

import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;

/** Builds and recognises the Ethernet ARP frames the TAP tests exchange with a container. */
final class ArpFrames {

    /** Ethernet's minimum frame length without FCS. */
    static final int MIN_FRAME_BYTES = 60;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int OPERATION_REQUEST = 1;
    static final int OPERATION_REPLY = 2;
    private static final int ETHERTYPE_OFFSET = 12;
    private static final int ARP_OFFSET = 14;
    private static final int OPERATION_OFFSET = ARP_OFFSET + 6;
    private static final int SENDER_MAC_OFFSET = ARP_OFFSET + 8;
    private static final int SENDER_IP_OFFSET = ARP_OFFSET + 14;
    private static final int TARGET_MAC_OFFSET = ARP_OFFSET + 18;

    private ArpFrames() {
    }

    /** "Who has {@code target}? Tell {@code senderIp} at {@code senderMac}", broadcast. */
    static byte[] request(MacAddress senderMac, Ipv4Prefix senderIp, Ipv4Prefix target) {
        ByteBuffer f = ByteBuffer.allocate(MIN_FRAME_BYTES);
        f.put(PeerName.of("ff:ff:ff:ff:ff:ff").toBytes()).put(bytes(senderMac)).putShort((short) ETHERTYPE_ARP);
        f.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) OPERATION_REQUEST);
        f.put(bytes(senderMac)).put(senderIp.addressBytes()).put(new byte[6]).put(target.addressBytes());
        return f.array();
    }

    static boolean isArp(byte[] frame, int length) {
        return length >= TARGET_MAC_OFFSET + 10 && (ByteBuffer.wrap(frame).getShort(ETHERTYPE_OFFSET) & 0xffff) == ETHERTYPE_ARP;
    }

    static int operation(byte[] frame) {
        return ByteBuffer.wrap(frame).getShort(OPERATION_OFFSET) & 0xffff;
    }

    static MacAddress destination(byte[] frame) {
        return MacAddress.read(frame, 0);
    }

    static MacAddress senderMac(byte[] frame) {
        return MacAddress.read(frame, SENDER_MAC_OFFSET);
    }

    static Ipv4Prefix senderIp(byte[] frame) {
        byte[] ip = new byte[4];
        System.arraycopy(frame, SENDER_IP_OFFSET, ip, 0, 4);
        return Ipv4Prefix.fromBytes(ip, 32);
    }

    private static byte[] bytes(MacAddress mac) {
        return new PeerName(mac.value()).toBytes();
    }
}
