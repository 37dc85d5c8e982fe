package net.weft.core.id;

import java.util.Locale;
import java.util.Optional;

/**
 * A peer's name: 48 bits shown as a MAC address ({@code aa:bb:cc:dd:ee:ff}), stable over restarts.
 *
 * <p>The numeric order of names (which equals the byte order of their 6-byte big-endian form) decides
 * every tie in routing: breadth-first levels are visited in ascending name order, so that every peer
 * computes the same routes from the same topology. {@link #UNKNOWN} (zero) means "no peer / myself"
 * in route tables, as in Weave.
 */
public record PeerName(long value) implements Comparable<PeerName> {

    /** Names fit in 48 bits. */
    public static final long MASK = 0xFFFF_FFFF_FFFFL;
    /** Size of the binary form on the wire. */
    public static final int BYTES = 6;
    /** The "no peer" sentinel (Weave's UnknownPeerName). */
    public static final PeerName UNKNOWN = new PeerName(0);

    /** Validates the 48-bit range. */
    public PeerName {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("peer name out of 48-bit range: " + Long.toHexString(value));
        }
    }

    /**
     * Parses the MAC form. Accepts six groups of one or two hex digits, or fewer groups with exactly one
     * {@code ::} standing for two to five zero octets ({@code 12::9a:bc}), as Weave does.
     *
     * @return the name, or empty when the text is not a valid peer name
     */
    public static Optional<PeerName> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return Optional.empty();
        }
        long[] head = groups(halves[0]);
        if (head == null) {
            return Optional.empty();
        }
        if (halves.length == 1) {
            return head.length == BYTES ? Optional.of(new PeerName(join(head, new long[0], 0))) : Optional.empty();
        }
        long[] tail = groups(halves[1]);
        if (tail == null) {
            return Optional.empty();
        }
        int zeros = BYTES - head.length - tail.length;
        if (zeros < 2 || head.length + tail.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new PeerName(join(head, tail, zeros)));
    }

    /** Parses or throws {@link IllegalArgumentException} with a message fit for a user. */
    public static PeerName of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("invalid peer name: " + text));
    }

    /** Reads the 6-byte big-endian binary form. */
    public static PeerName fromBytes(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < BYTES; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return new PeerName(v);
    }

    /** Writes the 6-byte big-endian binary form. */
    public void writeTo(byte[] out, int offset) {
        for (int i = 0; i < BYTES; i++) {
            out[offset + i] = (byte) (value >>> (8 * (BYTES - 1 - i)));
        }
    }

    /** The 6-byte big-endian binary form. */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        writeTo(out, 0);
        return out;
    }

    @Override
    public int compareTo(PeerName other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = BYTES - 1; i >= 0; i--) {
            int b = (int) (value >>> (8 * i)) & 0xFF;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private static long[] groups(String part) {
        if (part.isEmpty()) {
            return new long[0];
        }
        String[] items = part.split(":", -1);
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            String g = items[i].toLowerCase(Locale.ROOT);
            if (g.isEmpty() || g.length() > 2) {
                return null;
            }
            long v = 0;
            for (char c : g.toCharArray()) {
                int d = Character.digit(c, 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out.length > BYTES ? null : out;
    }

    private static long join(long[] head, long[] tail, int zeros) {
        long v = 0;
        for (long g : head) {
            v = (v << 8) | g;
        }
        v <<= 8L * zeros;
        for (long g : tail) {
            v = (v << 8) | g;
        }
        return v;
    }
}
