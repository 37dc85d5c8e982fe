package net.weft.sleeve.host.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink message: the 16-byte header, a family-specific fixed header written by the caller,
 * then attributes, possibly nested. Everything is in host byte order, as the kernel expects; attribute
 * payloads are padded to 4 bytes. The length and sequence number are filled in by {@link #finish(int)}.
 *
 * <pre>{@code
 * NetlinkMessageWriter w = new NetlinkMessageWriter(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
 * w.putInt(...);                       // fixed header (ifinfomsg, ifaddrmsg, ...)
 * w.putStringAttribute(IFLA_IFNAME, "weft");
 * int info = w.beginNested(IFLA_LINKINFO);
 * w.putStringAttribute(IFLA_INFO_KIND, "bridge");
 * w.endNested(info);
 * byte[] bytes = w.finish(seq);
 * }</pre>
 */
public final class NetlinkMessageWriter {

    private static final int INITIAL_CAPACITY = 256;
    private static final int LENGTH_OFFSET = 0;
    private static final int TYPE_OFFSET = 4;
    private static final int FLAGS_OFFSET = 6;
    private static final int SEQUENCE_OFFSET = 8;

    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY).order(ByteOrder.nativeOrder());

    /** Starts a message of the given type and flags. */
    public NetlinkMessageWriter(int type, int flags) {
        buffer.putInt(LENGTH_OFFSET, 0);
        buffer.putShort(TYPE_OFFSET, (short) type);
        buffer.putShort(FLAGS_OFFSET, (short) flags);
        buffer.position(Netlink.HEADER_BYTES);
    }

    /** Appends one byte of a fixed header. */
    public NetlinkMessageWriter putByte(int value) {
        ensure(1);
        buffer.put((byte) value);
        return this;
    }

    /** Appends a host-order 16-bit field of a fixed header. */
    public NetlinkMessageWriter putShort(int value) {
        ensure(Short.BYTES);
        buffer.putShort((short) value);
        return this;
    }

    /** Appends a host-order 32-bit field of a fixed header. */
    public NetlinkMessageWriter putInt(int value) {
        ensure(Integer.BYTES);
        buffer.putInt(value);
        return this;
    }

    /** Appends an attribute holding raw bytes (network-order data such as MAC or IP addresses). */
    public NetlinkMessageWriter putAttribute(int type, byte[] payload) {
        int length = Netlink.ATTRIBUTE_HEADER_BYTES + payload.length;
        ensure(Netlink.align(length));
        buffer.putShort((short) length).putShort((short) type).put(payload);
        pad();
        return this;
    }

    /** Appends a NUL-terminated string attribute. */
    public NetlinkMessageWriter putStringAttribute(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        return putAttribute(type, Arrays.copyOf(text, text.length + 1));
    }

    /** Appends a host-order 32-bit attribute. */
    public NetlinkMessageWriter putIntAttribute(int type, int value) {
        byte[] payload = new byte[Integer.BYTES];
        ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).putInt(value);
        return putAttribute(type, payload);
    }

    /** Appends a one-byte attribute. */
    public NetlinkMessageWriter putByteAttribute(int type, int value) {
        return putAttribute(type, new byte[] {(byte) value});
    }

    /**
     * Opens a nested attribute; what is appended until {@link #endNested(int)} becomes its payload.
     *
     * @return the token to pass to {@link #endNested(int)}
     */
    public int beginNested(int type) {
        ensure(Netlink.ATTRIBUTE_HEADER_BYTES);
        int start = buffer.position();
        buffer.putShort((short) 0).putShort((short) (type | Netlink.NLA_F_NESTED));
        return start;
    }

    /** Closes the nested attribute opened at {@code token}, fixing its length. */
    public NetlinkMessageWriter endNested(int token) {
        buffer.putShort(token, (short) (buffer.position() - token));
        return this;
    }

    /** Writes the total length and the sequence number and returns the message bytes. */
    public byte[] finish(int sequence) {
        int length = buffer.position();
        buffer.putInt(LENGTH_OFFSET, length);
        buffer.putInt(SEQUENCE_OFFSET, sequence);
        return Arrays.copyOf(buffer.array(), length);
    }

    private void pad() {
        while ((buffer.position() & (Netlink.ALIGNMENT - 1)) != 0) {
            buffer.put((byte) 0);
        }
    }

    private void ensure(int more) {
        if (buffer.remaining() >= more + Netlink.ALIGNMENT) {
            return;
        }
        int capacity = Math.max(buffer.capacity() * 2, buffer.position() + more + Netlink.ALIGNMENT);
        ByteBuffer grown = ByteBuffer.allocate(capacity).order(ByteOrder.nativeOrder());
        grown.put(buffer.array(), 0, buffer.position());
        buffer = grown;
    }
}
