package net.weft.core.overlay;

import java.util.Arrays;
import java.util.Objects;
import net.weft.core.id.Endpoint;

/**
 * What an {@link OverlayForwarder} asks its router to do, as data. The router turns these into effects
 * (datagrams, TCP tag-7 messages) and connection state changes.
 */
public sealed interface OverlayAction {

    /**
     * Send this complete sleeve datagram (sender name, frame header, frame) to {@code to} from the overlay
     * port. Weave sends heartbeats on its DF path; size is tiny, so the path does not matter for them.
     */
    record SendDatagram(Endpoint to, byte[] datagram) implements OverlayAction {
        /** Checks presence. */
        public SendDatagram {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(datagram, "datagram");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SendDatagram s && to.equals(s.to) && Arrays.equals(datagram, s.datagram);
        }

        @Override
        public int hashCode() {
            return Objects.hash(to, Arrays.hashCode(datagram));
        }

        @Override
        public String toString() {
            return "SendDatagram[" + to + ", " + datagram.length + " bytes]";
        }
    }

    /** Send a TCP tag-7 message with this body ({@code [index][sub-tag][message]}) on the connection. */
    record SendControl(byte[] tag7Body) implements OverlayAction {
        /** Checks presence. */
        public SendControl {
            Objects.requireNonNull(tag7Body, "tag7Body");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SendControl s && Arrays.equals(tag7Body, s.tag7Body);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tag7Body);
        }

        @Override
        public String toString() {
            return "SendControl" + Arrays.toString(tag7Body);
        }
    }

    /** The peer confirmed our heartbeats arrive: mark the connection established (once per forwarder). */
    record BecameEstablished() implements OverlayAction { }

    /**
     * A path-MTU search ended: {@code mtu} is the connection's overlay MTU from now on (Weave logs "Effective
     * MTU verified at ..."). The forwarder's {@code mtu()} already returns it; this is for the trace.
     */
    record MtuVerified(int mtu) implements OverlayAction { }

    /** The overlay is dead; the router closes the connection with this reason. */
    record Failed(String reason) implements OverlayAction { }

    /** An input was ignored, with the reason, for a trace line (peer garbage or a stale packet). */
    record Ignored(String reason) implements OverlayAction { }
}
