package net.weft.sleeve.host.rtnl;

import java.util.Optional;

/**
 * An IPv4 interface address with its prefix length, e.g. {@code 10.32.0.1/12}.
 *
 * @param address      the address as an unsigned 32-bit value in an int
 * @param prefixLength 0 to 32
 */
public record Ipv4Prefix(int address, int prefixLength) {

    /** The longest prefix. */
    public static final int MAX_PREFIX_LENGTH = 32;
    private static final int OCTETS = 4;
    private static final int OCTET_MAX = 255;
    /** Prefixes this long have no broadcast address (RFC 3021 point-to-point and host routes). */
    private static final int NO_BROADCAST_FROM_LENGTH = 31;

    /** Validates the prefix length. */
    public Ipv4Prefix {
        if (prefixLength < 0 || prefixLength > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}; empty when the text is not of that form. */
    public static Optional<Ipv4Prefix> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Integer> address = parseAddress(text.substring(0, slash));
        Optional<Integer> length = parseNumber(text.substring(slash + 1), MAX_PREFIX_LENGTH);
        if (address.isEmpty() || length.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Prefix(address.get(), length.get()));
    }

    /** Parses or throws {@link IllegalArgumentException} with a message fit for a user. */
    public static Ipv4Prefix of(String text) {
        return parse(text).orElseThrow(() ->
                new IllegalArgumentException("not an IPv4 address with prefix length (a.b.c.d/n): " + text));
    }

    /** Builds one from the 4 network-order bytes of an address. */
    public static Ipv4Prefix fromBytes(byte[] address, int prefixLength) {
        int value = 0;
        for (int i = 0; i < OCTETS; i++) {
            value = (value << 8) | (address[i] & 0xFF);
        }
        return new Ipv4Prefix(value, prefixLength);
    }

    /** The address as 4 network-order bytes. */
    public byte[] addressBytes() {
        return toBytes(address);
    }

    /** The subnet's broadcast address, when the prefix has one (shorter than /31). */
    public Optional<byte[]> broadcastBytes() {
        if (prefixLength >= NO_BROADCAST_FROM_LENGTH) {
            return Optional.empty();
        }
        int hostMask = (int) ((1L << (MAX_PREFIX_LENGTH - prefixLength)) - 1);
        return Optional.of(toBytes(address | hostMask));
    }

    /** The dotted address without the prefix length. */
    public String addressText() {
        StringBuilder sb = new StringBuilder();
        for (int i = OCTETS - 1; i >= 0; i--) {
            sb.append((address >>> (8 * i)) & OCTET_MAX);
            if (i > 0) {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return addressText() + "/" + prefixLength;
    }

    private static byte[] toBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static Optional<Integer> parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != OCTETS) {
            return Optional.empty();
        }
        int value = 0;
        for (String part : parts) {
            Optional<Integer> octet = parseNumber(part, OCTET_MAX);
            if (octet.isEmpty()) {
                return Optional.empty();
            }
            value = (value << 8) | octet.get();
        }
        return Optional.of(value);
    }

    private static Optional<Integer> parseNumber(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value <= max ? Optional.of(value) : Optional.empty();
    }
}
