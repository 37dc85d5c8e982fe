package net.weft.core.id;

/**
 * Names one TCP connection between the router and its host transport (not a protocol value).
 *
 * <p>The core allocates positive ids for the connections it dials; the host allocates negative ids
 * ({@link #inbound(long)}) for connections it accepted, so the two never collide.
 */
public record ConnectionId(long value) implements Comparable<ConnectionId> {

    /** The id a host gives to its {@code n}-th accepted connection ({@code n >= 1}). */
    public static ConnectionId inbound(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("inbound connection numbers start at 1: " + n);
        }
        return new ConnectionId(-n);
    }

    /** True for ids allocated by the core for a dial. */
    public boolean isDialled() {
        return value > 0;
    }

    @Override
    public int compareTo(ConnectionId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return (value > 0 ? "out#" : "in#") + Math.abs(value);
    }
}
