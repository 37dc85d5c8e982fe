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
 * peer's path-MTU search converges. Once established, this forwarder searches the path MTU itself with a
 * {@link PmtuSearch}: probe datagrams carry a special frame of {@code candidate + 14} bytes, so on the wire a
 * probe is exactly as large as a datagram carrying one frame of a {@code candidate}-byte IP packet (62 bytes
 * more plain, 86 encrypted, once the router's channel seals it); the peer's PMTUVerified answers arrive through
 * {@link #onControl}. {@link #mtu()} is the configured overlay MTU until the first search ends, then the
 * largest verified one (never below {@link #MIN_MTU}); the search reruns every
 * {@link PmtuSearch#REVERIFY_INTERVAL_NS} and when the host reports a send too big ({@link #onSendTooBig}).
 * The peer's FragmentationReceived answers are ignored: this forwarder sends no fragmentation test (the data
 * plane fragments oversize IPv4 itself).
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
    private final PmtuSearch pmtu;

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
        this.pmtu = new PmtuSearch(mtu);
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

    /** Runs due timers: the heartbeat timeout first, then the next heartbeat, then the path-MTU search. */
    public List<OverlayAction> onTimer(long nowNs) {
        if (!running()) {
            return List.of();
        }
        if (nowNs >= timeoutNs) {
            return fail(TIMEOUT_REASON);
        }
        List<OverlayAction> actions = new ArrayList<>(2);
        if (remote != null && nowNs >= nextHeartbeatNs) {
            nextHeartbeatNs = nowNs + heartbeatIntervalNs();
            actions.add(heartbeatTo(remote));
        }
        if (phase == Phase.ESTABLISHED && nowNs >= pmtu.deadlineNs()) {
            addSearchStep(actions, pmtu.onTimer(nowNs));
        }
        return actions;
    }

    /**
     * The host could not send a datagram to the peer because it exceeds the local route's MTU (EMSGSIZE);
     * {@code routeOverlayMtu} is that route MTU less the channel's overhead. The MTU drops to it at once and
     * a search verifies it (or finds less). Ignored before the overlay is established or when the MTU is
     * already no larger.
     */
    public List<OverlayAction> onSendTooBig(int routeOverlayMtu, long nowNs) {
        if (phase != Phase.ESTABLISHED) {
            return ignored("send too big while " + phase);
        }
        List<OverlayAction> actions = new ArrayList<>(1);
        addSearchStep(actions, pmtu.onTooBig(routeOverlayMtu, nowNs));
        return actions;
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
        if (message instanceof SleeveControl.PmtuVerified verified && phase == Phase.ESTABLISHED) {
            List<OverlayAction> actions = new ArrayList<>(1);
            addSearchStep(actions, pmtu.onVerified(verified.mtu(), nowNs));
            return actions;
        }
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
        List<OverlayAction> actions = new ArrayList<>(2);
        actions.add(new OverlayAction.BecameEstablished());
        addSearchStep(actions, pmtu.start(nowNs));
        return actions;
    }

    /** When {@link #onTimer} must run next, or {@link #NO_DEADLINE}. */
    public long nextDeadlineNs() {
        if (!running()) {
            return NO_DEADLINE;
        }
        long deadline = remote == null ? timeoutNs : Math.min(timeoutNs, nextHeartbeatNs);
        return phase == Phase.ESTABLISHED ? Math.min(deadline, pmtu.deadlineNs()) : deadline;
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

    /**
     * The overlay MTU: the largest IP packet carried without fragmentation or an ICMP "too big". The configured
     * value until the first path-MTU search ends, then the largest verified one.
     */
    public int mtu() {
        return pmtu.mtu();
    }

    /** The overlay MTU this forwarder was configured with, where every path-MTU search starts. */
    public int configuredMtu() {
        return pmtu.configuredMtu();
    }

    /** True while a path-MTU search is testing a candidate. */
    public boolean verifyingMtu() {
        return pmtu.searching();
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

    /** Turns a search step into actions: a probe datagram to the peer, or the verified MTU for the trace. */
    private void addSearchStep(List<OverlayAction> actions, PmtuSearch.Next next) {
        if (next instanceof PmtuSearch.Next.Probe probe && remote != null) {
            SleeveFrame frame = new SleeveFrame(local, remoteName, SpecialFrames.pmtuProbe(probe.mtu()));
            actions.add(new OverlayAction.SendDatagram(remote, SleevePacket.encode(local, List.of(frame))));
        } else if (next instanceof PmtuSearch.Next.Settled settled) {
            actions.add(new OverlayAction.MtuVerified(settled.mtu()));
        }
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
