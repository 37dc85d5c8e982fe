package net.weft.core.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.weft.core.Timings;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ParseResult;

/**
 * The sleeve overlay's per-connection state machine without I/O (data-plane notes §1.5, Weave's
 * {@code sleeve.go}): UDP heartbeats that prove the data path works in both directions, the address
 * learning that gets through NATs, and the answers to the peer's probes.
 *
 * <p>Phases and transitions:
 * <pre>
 *   CREATED   --onConfirm-------------------------------&gt; CONFIRMED   (fast heartbeats, timeout armed)
 *   CONFIRMED --ConnectionEstablished control----------&gt; ESTABLISHED (slow heartbeats, BecameEstablished)
 *   CONFIRMED, ESTABLISHED --no valid heartbeat for heartbeatTimeoutNs--&gt; FAILED (Failed)
 * </pre>
 * The outbound (dialling) side knows the peer's UDP address (its TCP listen address) and beats from
 * {@link #onConfirm}. The inbound side waits: the first valid heartbeat (matching connection UID) tells it
 * where to send, and it starts beating then. Every valid heartbeat re-arms the timeout and, when it comes
 * from a new address, moves the remote address there (NAT rebinding). The first valid heartbeat is
 * answered once with a ConnectionEstablished control message over TCP; receiving the peer's
 * ConnectionEstablished is what makes <em>this</em> side established.
 *
 * <p>The peer's fragmentation tests and PMTU probes are answered ({@link #onSpecialFrame}), so a Weave
 * peer's path-MTU search converges. This forwarder does not yet probe the path itself: {@link #mtu()} is
 * the configured overlay MTU, and unsolicited FragmentationReceived/PMTUVerified answers are ignored. PMTU
 * discovery will add the probing side behind the same {@code mtu()} accessor.
 *
 * <p>Every method returns the actions to take, in order; after {@code Failed} nothing more is emitted.
 * {@link #nextDeadlineNs()} says when {@link #onTimer} must run next.
 */
public final class OverlayForwarder {

    /** Weave's fastdp default MTU (GCE 1460 minus VXLAN and ESP overheads), our default overlay MTU. */
    public static final int DEFAULT_MTU = 1376;
    /** The smallest MTU accepted: Weave's PMTU search floor (IPv4's minimum reassembly size). */
    public static final int MIN_MTU = 552;
    /** The largest MTU a sleeve frame can carry. */
    public static final int MAX_MTU = SpecialFrames.MAX_PROBE_MTU;
    /** {@link #nextDeadlineNs()} when no timer is needed. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;
    /** The reason given when heartbeats stop. */
    public static final String TIMEOUT_REASON = "timed out waiting for UDP heartbeat";

    /** Where the machine is; see the class comment for the transitions. */
    public enum Phase { CREATED, CONFIRMED, ESTABLISHED, FAILED }

    private final PeerName local;
    private final PeerName remoteName;
    private final long connUid;
    private final boolean outbound;
    private final int overlayIndex;
    private final Timings timings;
    private final int mtu;

    private Phase phase = Phase.CREATED;
    private Endpoint remote;
    private boolean establishedSent;
    private long nextHeartbeatNs = NO_DEADLINE;
    private long timeoutNs = NO_DEADLINE;

    /** A forwarder for the sleeve at overlay index 0 (the only overlay when fastdp is off). */
    public OverlayForwarder(PeerName local, PeerName remoteName, long connUid, boolean outbound,
            Optional<Endpoint> remoteUdp, Timings timings, int mtu) {
        this(local, remoteName, connUid, outbound, remoteUdp, timings, mtu, 0);
    }

    /**
     * A forwarder for one confirmed connection.
     *
     * @param connUid      the connection UID both ends derived (XOR of their ConnIDs); heartbeats carry it
     * @param outbound     true when we dialled; then {@code remoteUdp} must be the peer's TCP address
     * @param remoteUdp    where to send UDP, known up front only on the outbound side
     * @param mtu          overlay MTU, {@link #MIN_MTU}..{@link #MAX_MTU} (see {@link #DEFAULT_MTU})
     * @param overlayIndex this overlay's index in the common overlay list, first byte of tag-7 bodies
     */
    public OverlayForwarder(PeerName local, PeerName remoteName, long connUid, boolean outbound,
            Optional<Endpoint> remoteUdp, Timings timings, int mtu, int overlayIndex) {
        if (outbound && remoteUdp.isEmpty()) {
            throw new IllegalArgumentException("an outbound forwarder needs the peer's address");
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("overlay MTU out of range: " + mtu);
        }
        if (overlayIndex < 0 || overlayIndex > OverlayControl.MAX_INDEX) {
            throw new IllegalArgumentException("overlay index out of range: " + overlayIndex);
        }
        this.local = Objects.requireNonNull(local, "local");
        this.remoteName = Objects.requireNonNull(remoteName, "remoteName");
        this.connUid = connUid;
        this.outbound = outbound;
        this.remote = remoteUdp.orElse(null);
        this.timings = Objects.requireNonNull(timings, "timings");
        this.mtu = mtu;
        this.overlayIndex = overlayIndex;
    }

    /** Starts the machine once the connection is known not to be a duplicate: beat if we know where. */
    public List<OverlayAction> onConfirm(long nowNs) {
        if (phase != Phase.CREATED) {
            throw new IllegalStateException("confirmed twice");
        }
        phase = Phase.CONFIRMED;
        timeoutNs = nowNs + timings.heartbeatTimeoutNs();
        if (remote == null) {
            return List.of();
        }
        nextHeartbeatNs = nowNs + timings.fastHeartbeatNs();
        return List.of(heartbeatTo(remote));
    }

    /** Runs due timers: the heartbeat timeout first, then the next heartbeat. */
    public List<OverlayAction> onTimer(long nowNs) {
        if (!running()) {
            return List.of();
        }
        if (nowNs >= timeoutNs) {
            return fail(TIMEOUT_REASON);
        }
        if (remote != null && nowNs >= nextHeartbeatNs) {
            nextHeartbeatNs = nowNs + heartbeatIntervalNs();
            return List.of(heartbeatTo(remote));
        }
        return List.of();
    }

    /**
     * A heartbeat for connection {@code connUid} arrived from {@code from}. A matching UID re-arms the
     * timeout, moves the remote address to {@code from}, starts our heartbeats on the inbound side, and
     * the first time is answered with ConnectionEstablished. A mismatched UID (a stale connection) is
     * ignored.
     */
    public List<OverlayAction> onHeartbeat(Endpoint from, long connUid, long nowNs) {
        if (!running()) {
            return ignored("heartbeat while " + phase);
        }
        if (connUid != this.connUid) {
            return ignored("heartbeat for connection UID " + Long.toUnsignedString(connUid) + ", expected "
                    + Long.toUnsignedString(this.connUid));
        }
        timeoutNs = nowNs + timings.heartbeatTimeoutNs();
        List<OverlayAction> actions = new ArrayList<>(2);
        boolean hadAddress = remote != null;
        remote = from;
        if (!hadAddress) {
            nextHeartbeatNs = nowNs + heartbeatIntervalNs();
            actions.add(heartbeatTo(remote));
        }
        if (!establishedSent) {
            establishedSent = true;
            actions.add(control(new SleeveControl.ConnectionEstablished()));
        }
        return actions;
    }

    /**
     * A special frame arrived inside a datagram from {@code from}. It counts only when labelled from the
     * remote peer to us. Heartbeats go to {@link #onHeartbeat}; fragmentation tests and PMTU probes are
     * answered over TCP.
     */
    public List<OverlayAction> onSpecialFrame(Endpoint from, SleeveFrame frame, long nowNs) {
        if (!running()) {
            return ignored("special frame while " + phase);
        }
        if (!frame.src().equals(remoteName) || !frame.dst().equals(local)) {
            return ignored("special frame labelled " + frame.src() + " -> " + frame.dst() + ", expected "
                    + remoteName + " -> " + local);
        }
        ParseResult<SpecialFrame> parsed = SpecialFrames.parse(frame.frame());
        if (!parsed.isOk()) {
            return ignored(parsed.reason());
        }
        SpecialFrame special = parsed.value();
        if (special instanceof SpecialFrame.Heartbeat hb) {
            return onHeartbeat(from, hb.connUid(), nowNs);
        }
        if (special instanceof SpecialFrame.FragmentationTest) {
            return List.of(control(new SleeveControl.FragmentationReceived()));
        }
        return List.of(control(new SleeveControl.PmtuVerified(((SpecialFrame.PmtuProbe) special).mtu())));
    }

    /** A tag-7 control message arrived on the connection; {@code tag7Body} starts with the overlay index. */
    public List<OverlayAction> onControl(byte[] tag7Body, long nowNs) {
        if (!running()) {
            return ignored("control message while " + phase);
        }
        ParseResult<OverlayControl> envelope = OverlayControl.decode(tag7Body);
        if (!envelope.isOk()) {
            return ignored(envelope.reason());
        }
        OverlayControl c = envelope.value();
        if (c.overlayIndex() != overlayIndex) {
            return ignored("control message for overlay " + c.overlayIndex() + ", sleeve is " + overlayIndex);
        }
        ParseResult<SleeveControl> parsed = SleeveControl.decode(c.subTag(), c.message());
        if (!parsed.isOk()) {
            return ignored(parsed.reason());
        }
        SleeveControl message = parsed.value();
        if (!(message instanceof SleeveControl.ConnectionEstablished)) {
            return ignored(message + " answers a probe this forwarder did not send");
        }
        if (phase == Phase.ESTABLISHED) {
            return List.of();
        }
        phase = Phase.ESTABLISHED;
        if (remote != null) {
            nextHeartbeatNs = nowNs + timings.slowHeartbeatNs();
        }
        return List.of(new OverlayAction.BecameEstablished());
    }

    /** When {@link #onTimer} must run next, or {@link #NO_DEADLINE}. */
    public long nextDeadlineNs() {
        if (!running()) {
            return NO_DEADLINE;
        }
        return remote == null ? timeoutNs : Math.min(timeoutNs, nextHeartbeatNs);
    }

    /** Where we send UDP to the peer, once known. */
    public Optional<Endpoint> remote() {
        return Optional.ofNullable(remote);
    }

    /** True once the peer confirmed our heartbeats (and until failure). */
    public boolean established() {
        return phase == Phase.ESTABLISHED;
    }

    /** True after the heartbeat timeout fired. */
    public boolean failed() {
        return phase == Phase.FAILED;
    }

    /** The current phase. */
    public Phase phase() {
        return phase;
    }

    /** The overlay MTU: the largest IP packet carried without fragmentation or an ICMP "too big". */
    public int mtu() {
        return mtu;
    }

    /** True when we dialled the connection. */
    public boolean outbound() {
        return outbound;
    }

    /** The peer at the other end. */
    public PeerName remoteName() {
        return remoteName;
    }

    /** The connection UID heartbeats must carry. */
    public long connUid() {
        return connUid;
    }

    private boolean running() {
        return phase == Phase.CONFIRMED || phase == Phase.ESTABLISHED;
    }

    private long heartbeatIntervalNs() {
        return phase == Phase.ESTABLISHED ? timings.slowHeartbeatNs() : timings.fastHeartbeatNs();
    }

    private OverlayAction heartbeatTo(Endpoint to) {
        SleeveFrame frame = new SleeveFrame(local, remoteName, SpecialFrames.heartbeat(connUid));
        return new OverlayAction.SendDatagram(to, SleevePacket.encode(local, List.of(frame)));
    }

    private OverlayAction control(SleeveControl message) {
        return new OverlayAction.SendControl(SleeveControl.encode(overlayIndex, message));
    }

    private List<OverlayAction> fail(String reason) {
        phase = Phase.FAILED;
        nextHeartbeatNs = NO_DEADLINE;
        timeoutNs = NO_DEADLINE;
        return List.of(new OverlayAction.Failed(reason));
    }

    private static List<OverlayAction> ignored(String reason) {
        return List.of(new OverlayAction.Ignored(reason));
    }
}
