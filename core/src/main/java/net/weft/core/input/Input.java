package net.weft.core.input;

import java.util.List;
import java.util.Objects;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.MacSighting;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;

/**
 * Everything that can happen to a router, named as past-tense facts. The host (daemon or simulator)
 * turns socket events, timer expiry and admin commands into inputs and feeds them to
 * {@link net.weft.core.Router#step}.
 */
public sealed interface Input {

    /** A deadline announced by the last step has passed (or the host just wants timers checked). */
    record Tick() implements Input {
        /** The one instance. */
        public static final Tick INSTANCE = new Tick();
    }

    /** The user asked to add targets ({@code host[:port]}); {@code replace} forgets the old ones. */
    record ConnectRequested(List<String> peers, boolean replace) implements Input {
        /** Copies the list. */
        public ConnectRequested {
            peers = List.copyOf(peers);
        }
    }

    /** The user asked to stop retrying these targets. */
    record ForgetRequested(List<String> peers) implements Input {
        /** Copies the list. */
        public ForgetRequested {
            peers = List.copyOf(peers);
        }
    }

    /** The host accepted a TCP connection and gave it an inbound id. */
    record InboundAccepted(ConnectionId id, Endpoint remote, Endpoint local) implements Input { }

    /** A dial the router asked for succeeded. */
    record DialSucceeded(ConnectionId id, Endpoint local) implements Input { }

    /** A dial the router asked for failed (refused, unreachable, timed out). */
    record DialFailed(ConnectionId id, String reason) implements Input { }

    /** Bytes arrived on a TCP connection, in stream order; any chunking is allowed. */
    record BytesReceived(ConnectionId id, byte[] bytes) implements Input { }

    /** The transport saw the connection end (reset, EOF, write error). */
    record ConnectionClosed(ConnectionId id, String reason) implements Input { }

    /** A UDP datagram arrived on the overlay port. */
    record DatagramReceived(Endpoint from, byte[] payload) implements Input { }

    /**
     * The host's stack refused a datagram to {@code to} as larger than the route allows (EMSGSIZE);
     * {@code routeMtu} is that route's IP MTU ({@code IP_MTU}). The connection's overlay MTU drops to fit at
     * once and is verified by probing.
     */
    record SendTooBig(Endpoint to, int routeMtu) implements Input { }

    /** A frame left a local container and was captured from the bridge. */
    record FrameCaptured(byte[] frame) implements Input { }

    /**
     * The host started a fast path: from now on the router publishes {@code Effect.InstallFastPath} whenever what
     * the fast path may decide changes (see {@link net.weft.core.fastpath}). Idempotent.
     */
    record FastPathStarted() implements Input {
        /** The one instance. */
        public static final FastPathStarted INSTANCE = new FastPathStarted();
    }

    /**
     * The fast path forwarded frames on its own since its last report: refresh these MAC entries (only where
     * they still name the same peer) and add these counts to the router's.
     */
    record FastPathReport(List<MacSighting> sightings, FastPathCounts counts) implements Input {
        /** Copies the list. */
        public FastPathReport {
            sightings = List.copyOf(sightings);
            Objects.requireNonNull(counts, "counts");
        }
    }

    /**
     * A sleeve datagram the fast path already opened with its sender's channel (so its replay window has moved):
     * {@code plainDatagram} is {@code sender name || frames}, holding the frames the fast path left to the router.
     */
    record SleeveDatagramOpened(Endpoint from, byte[] plainDatagram) implements Input { }
}
