package net.weft.core.id;

/** A 48-bit Ethernet address, as found in frames. */
public record MacAddress(long value) implements Comparable<MacAddress> {

    /** The all-ones broadcast address. */
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    /** Validates the 48-bit range. */
    public MacAddress {
        if ((value & ~PeerName.MASK) != 0) {
            throw new IllegalArgumentException("MAC out of 48-bit range");
        }
    }

    /** Reads six big-endian bytes. */
    public static MacAddress read(byte[] frame, int offset) {
        return new MacAddress(PeerName.fromBytes(frame, offset).value());
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff}. */
    public static MacAddress of(String text) {
        return new MacAddress(PeerName.of(text).value());
    }

    /** Group (broadcast or multicast) addresses have the low bit of the first octet set. */
    public boolean isGroup() {
        return ((value >>> 40) & 1) != 0;
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return new PeerName(value).toString();
    }
}
