package net.weft.sleeve.host.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The attributes of one netlink message (or of one nested attribute), by type. Types are masked with
 * {@link Netlink#ATTRIBUTE_TYPE_MASK}, so the NESTED and BYTEORDER flags never hide an attribute. When a
 * type repeats, the last occurrence wins. Decoding stops silently at a truncated attribute: what was
 * read before it stays available.
 */
public final class Attributes {

    private final Map<Integer, byte[]> byType;

    private Attributes(Map<Integer, byte[]> byType) {
        this.byType = byType;
    }

    /** Decodes the attributes found in {@code data[from, to)}. */
    public static Attributes parse(byte[] data, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
        Map<Integer, byte[]> byType = new TreeMap<>();
        int offset = from;
        while (offset + Netlink.ATTRIBUTE_HEADER_BYTES <= to) {
            int length = Short.toUnsignedInt(in.getShort(offset));
            int type = Short.toUnsignedInt(in.getShort(offset + 2)) & Netlink.ATTRIBUTE_TYPE_MASK;
            if (length < Netlink.ATTRIBUTE_HEADER_BYTES || offset + length > to) {
                break;
            }
            byType.put(type, Arrays.copyOfRange(data, offset + Netlink.ATTRIBUTE_HEADER_BYTES, offset + length));
            offset += Netlink.align(length);
        }
        return new Attributes(Collections.unmodifiableMap(byType));
    }

    /** True when the attribute is present. */
    public boolean has(int type) {
        return byType.containsKey(type);
    }

    /** The raw payload of an attribute. */
    public Optional<byte[]> bytes(int type) {
        byte[] value = byType.get(type);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** A NUL-terminated string attribute, without its terminator. */
    public Optional<String> string(int type) {
        byte[] value = byType.get(type);
        if (value == null) {
            return Optional.empty();
        }
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return Optional.of(new String(value, 0, end, StandardCharsets.US_ASCII));
    }

    /** A host-order 32-bit attribute; empty when absent or shorter than 4 bytes. */
    public OptionalInt intValue(int type) {
        byte[] value = byType.get(type);
        if (value == null || value.length < Integer.BYTES) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt());
    }

    /** A one-byte attribute; empty when absent or empty. */
    public OptionalInt byteValue(int type) {
        byte[] value = byType.get(type);
        return value == null || value.length == 0 ? OptionalInt.empty() : OptionalInt.of(value[0] & 0xFF);
    }

    /** The attributes nested inside an attribute (empty when absent). */
    public Attributes nested(int type) {
        byte[] value = byType.get(type);
        return value == null ? new Attributes(Map.of()) : parse(value, 0, value.length);
    }

    /** The attribute types present, ascending. */
    public Iterable<Integer> types() {
        return byType.keySet();
    }
}
