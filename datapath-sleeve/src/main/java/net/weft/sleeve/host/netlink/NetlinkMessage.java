package net.weft.sleeve.host.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One received netlink message: its header fields and its payload (everything after the 16-byte
 * header, i.e. the family's fixed header followed by attributes).
 *
 * @param type     the message type (RTM_NEWLINK, NLMSG_ERROR, NLMSG_DONE, ...)
 * @param flags    the header flags (NLM_F_MULTI, ...)
 * @param sequence the sequence number copied from the request
 * @param portId   the sender's port id (0 for the kernel)
 * @param payload  the bytes after the header, without trailing alignment padding
 */
public record NetlinkMessage(int type, int flags, int sequence, int portId, byte[] payload) {

    private static final int ERROR_CODE_BYTES = 4;

    /**
     * Splits a received datagram into its messages. One {@code recv} can hold several messages, each
     * starting at the 4-byte-aligned end of the previous one.
     *
     * @return the messages, or empty when a header is truncated or claims an impossible length
     */
    public static Optional<List<NetlinkMessage>> parseAll(byte[] datagram, int length) {
        ByteBuffer in = ByteBuffer.wrap(datagram, 0, length).order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        int offset = 0;
        while (offset + Netlink.HEADER_BYTES <= length) {
            int messageLength = in.getInt(offset);
            if (messageLength < Netlink.HEADER_BYTES || offset + messageLength > length) {
                return Optional.empty();
            }
            messages.add(new NetlinkMessage(
                    Short.toUnsignedInt(in.getShort(offset + 4)),
                    Short.toUnsignedInt(in.getShort(offset + 6)),
                    in.getInt(offset + 8),
                    in.getInt(offset + 12),
                    Arrays.copyOfRange(datagram, offset + Netlink.HEADER_BYTES, offset + messageLength)));
            offset += Netlink.align(messageLength);
        }
        return offset == Netlink.align(length) || offset == length ? Optional.of(messages) : Optional.empty();
    }

    /** True for NLMSG_ERROR, which is also how the kernel acknowledges success (errno 0). */
    public boolean isErrorOrAck() {
        return type == Netlink.NLMSG_ERROR;
    }

    /** True for NLMSG_DONE, the end of a dump. */
    public boolean isDone() {
        return type == Netlink.NLMSG_DONE;
    }

    /**
     * The positive errno of an NLMSG_ERROR (the kernel sends it negated); 0 for an acknowledgement or
     * for a payload too short to hold the code.
     */
    public int errno() {
        if (payload.length < ERROR_CODE_BYTES) {
            return 0;
        }
        return -ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** The attributes that follow a fixed header of {@code fixedHeaderBytes} in the payload. */
    public Attributes attributes(int fixedHeaderBytes) {
        return Attributes.parse(payload, Math.min(fixedHeaderBytes, payload.length), payload.length);
    }

    /** A host-order 32-bit field of the fixed header at {@code offset} within the payload. */
    public int intAt(int offset) {
        return ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt(offset);
    }

    /** An unsigned byte of the fixed header at {@code offset} within the payload. */
    public int byteAt(int offset) {
        return payload[offset] & 0xFF;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetlinkMessage m && type == m.type && flags == m.flags
                && sequence == m.sequence && portId == m.portId && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return ((type * 31 + flags) * 31 + sequence) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "NetlinkMessage[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", seq=" + sequence
                + ", " + payload.length + " bytes]";
    }
}
