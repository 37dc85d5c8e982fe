package net.weft.core.id;

/**
 * A peer's incarnation id: a random non-zero 64-bit value chosen at every start (zero marks a placeholder
 * peer known only by name). Compared as unsigned, printed as unsigned decimal, as Weave does.
 */
public record PeerUid(long value) implements Comparable<PeerUid> {

    /** The UID of placeholder peers, known only because someone reported a connection to them. */
    public static final PeerUid NONE = new PeerUid(0);

    /** Parses unsigned decimal; throws {@link NumberFormatException} on bad input. */
    public static PeerUid parse(String text) {
        return new PeerUid(Long.parseUnsignedLong(text));
    }

    @Override
    public int compareTo(PeerUid other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
