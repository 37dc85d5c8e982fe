package net.weft.core.conn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.Timings;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.view.TargetView;
import net.weft.core.wire.ConnectionSummary;

/**
 * Decides which addresses to dial and when (mesh's {@code connectionMaker}, control-plane notes §2.11).
 * It keeps the user's direct targets, learns more targets from the topology when discovery is on, retries
 * failed ones with jittered exponential backoff, and spaces dials with a token bucket so that a peer that
 * learns 500 addresses does not dial them all in the same instant. It does no I/O: the router tells it
 * what happened and asks it what to dial.
 *
 * <p>How the router drives it, all on the router's single thread:
 * <ol>
 *   <li>{@link #initiate} / {@link #forget} for the user's {@code connect} and {@code forget};</li>
 *   <li>{@link #refresh} whenever our registered connections or the topology change;</li>
 *   <li>{@link #dialFailed}, {@link #connected} and {@link #connectionEnded} with the fate of each dial
 *       and connection (then {@link #refresh} with the new connection set);</li>
 *   <li>after any of these, and when {@link #nextDeadlineNs} comes, {@link #dueDials} for the dials to
 *       start now.</li>
 * </ol>
 *
 * <p>Targets live in a map sorted by address, and every choice iterates in a defined order, so the same
 * inputs and random seed give the same dials.
 */
public final class ConnectionMaker {

    /** Dials that may start at the same instant; after the burst, one per {@link Timings#dialSpacingNs()}. */
    public static final int DIAL_BURST = 4;
    /** Retry interval (before jitter) after an established connection to a target was lost. */
    public static final long QUICK_RETRY_INTERVAL_NS = 250_000_000L;
    /** How long after such a loss retries stay quick before the backoff resumes. */
    public static final long QUICK_RETRY_WINDOW_NS = 30_000_000_000L;

    private static final Comparator<Target> DIAL_ORDER =
            Comparator.comparingLong(Target::tryAfterNs).thenComparing(Target::address);

    private final PeerName ourName;
    private final int ourPort;
    private final long resetAfterNs;
    private final boolean discovery;
    private final Backoff backoff;
    private final TokenBucket dialTokens;
    private final DirectPeers direct = new DirectPeers();
    private final TreeMap<Endpoint, Target> targets = new TreeMap<>();
    private ConnectedSet connected = ConnectedSet.EMPTY;
    private List<DiscoveredPeer> discovered = List.of();
    /** Addresses derived from {@link #discovered}; rebuilt only when {@link #refresh} brings new inputs. */
    private SortedSet<Endpoint> discoveredAddresses;
    private int connectionLimit;
    private long terminations;

    /**
     * A connection maker for the router named {@code ourName} listening on {@code ourPort}.
     *
     * @param discovery dial peers learned from the topology (Weave's default; {@code --no-discovery} off)
     * @param rng       source of the backoff jitter
     */
    public ConnectionMaker(PeerName ourName, int ourPort, Timings timings, boolean discovery,
            DeterministicRandom rng) {
        if (ourPort < 1 || ourPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + ourPort);
        }
        this.ourName = ourName;
        this.ourPort = ourPort;
        this.resetAfterNs = timings.backoffResetAfterNs();
        this.discovery = discovery;
        this.backoff = new Backoff(timings, rng);
        this.dialTokens = new TokenBucket(DIAL_BURST, timings.dialSpacingNs());
    }

    /** Weave's error for a connection refused at the limit: {@code Connection limit reached (N)}. */
    public static String connectionLimitError(int limit) {
        return "Connection limit reached (" + limit + ")";
    }

    /**
     * Adds direct targets, each {@code host[:port]}; a missing port means our port, and such a target
     * is also satisfied by any inbound connection from that host. Re-adding a known target makes it due
     * now with its backoff reset. With {@code replace} the direct list is cleared first.
     *
     * @return Weave's error for each invalid entry ({@code invalid peer name "X", should be host[:port]});
     *         the valid entries are added regardless
     */
    public List<String> initiate(List<String> peers, boolean replace, long nowNs) {
        List<String> errors = new ArrayList<>();
        for (Endpoint added : direct.add(peers, replace, errors)) {
            Target known = targets.get(complete(added));
            if (known != null) {
                known.tryNow(nowNs, backoff);
            }
        }
        check(nowNs);
        return errors;
    }

    /**
     * Removes direct targets by their exact text. Connections already made stay up; the addresses are
     * just no longer retried (unless discovery still finds them).
     */
    public void forget(List<String> peers, long nowNs) {
        direct.remove(peers);
        check(nowNs);
    }

    /**
     * Recomputes the valid targets from our current connections and, with discovery on, from the
     * connections every other peer reports. Addresses we are connected to are not targets; direct
     * targets that need no dial are suspended, discovered ones that are no longer valid are forgotten.
     */
    public void refresh(long nowNs, ConnectedSet current, Collection<DiscoveredPeer> peers) {
        connected = current;
        discovered = List.copyOf(peers);
        discoveredAddresses = null;
        check(nowNs);
    }

    /**
     * The dials to start now: due targets in order of due time (then address), as far as the dial token
     * bucket and the connection limit allow. Each returned target moves to attempting; those held back
     * stay due and come out of a later call (see {@link #nextDeadlineNs}).
     */
    public List<DialRequest> dueDials(long nowNs) {
        List<Target> due = new ArrayList<>();
        for (Target t : targets.values()) {
            if (t.dueAt(nowNs)) {
                due.add(t);
            }
        }
        due.sort(DIAL_ORDER);
        SortedSet<Endpoint> directSet = directAddresses();
        int busy = connected.connectionCount() + attemptingCount();
        List<DialRequest> out = new ArrayList<>();
        for (Target t : due) {
            if (atLimit(busy) || !dialTokens.tryTake(nowNs)) {
                break;
            }
            t.attemptStarted(nowNs);
            busy++;
            out.add(new DialRequest(t.address(), directSet.contains(t.address())));
        }
        return out;
    }

    /**
     * When {@link #dueDials} should next be called: {@code nowNs} if a dial could start now, the time the
     * next dial token is minted if due dials wait for one, otherwise the earliest retry time;
     * {@code Long.MAX_VALUE} when nothing is waiting, or when the connection limit holds all dials back
     * (then the next {@link #refresh} with fewer connections releases them).
     */
    public long nextDeadlineNs(long nowNs) {
        long earliest = Long.MAX_VALUE;
        boolean anyDue = false;
        for (Target t : targets.values()) {
            if (t.dueAt(nowNs)) {
                anyDue = true;
            } else if (t.state() == TargetState.WAITING && t.tryAfterNs() != Target.NEVER_NS) {
                earliest = Math.min(earliest, t.tryAfterNs());
            }
        }
        if (atLimit(connected.connectionCount() + attemptingCount())) {
            return Long.MAX_VALUE;
        }
        return anyDue ? Math.min(earliest, dialTokens.nextTokenNs(nowNs)) : earliest;
    }

    /**
     * A dial we asked for failed before a connection existed (refused, unreachable, resolve error): the
     * target waits with backoff, and a check runs (as in Weave), so a target that became unnecessary while
     * it was being dialled is suspended or forgotten. Returns false, doing nothing, when {@code target} had
     * no dial in flight.
     */
    public boolean dialFailed(Endpoint target, String error, long nowNs) {
        Target t = targets.get(target);
        if (t == null || t.state() != TargetState.ATTEMPTING) {
            return false;
        }
        t.moveTo(TargetState.WAITING);
        t.recordError(error);
        t.tryLater(nowNs, backoff);
        check(nowNs);
        return true;
    }

    /**
     * Our outbound connection to {@code target} was registered. Returns false, doing nothing, when
     * {@code target} had no dial in flight.
     */
    public boolean connected(Endpoint target) {
        Target t = targets.get(target);
        if (t == null || t.state() != TargetState.ATTEMPTING) {
            return false;
        }
        t.moveTo(TargetState.CONNECTED);
        return true;
    }

    /**
     * A connection ended, or a dialled socket failed its handshake. Every end but connect-to-self counts
     * as a termination. For an outbound connection to a target: never retried after a name collision or
     * connect-to-self; retried at once with a fresh backoff if it lived past its dial time plus
     * {@link Timings#backoffResetAfterNs()}; otherwise retried after backoff. No check runs here, since the
     * connection set given to the last {@link #refresh} still holds the ended connection: the router calls
     * {@link #refresh} with the new set right after.
     *
     * @param remote   the remote address (for outbound: the dialled target)
     * @param outbound whether we dialled it; inbound ends only count
     * @param error    what went wrong, shown in the target's status
     */
    public void connectionEnded(Endpoint remote, boolean outbound, String error, EndCause cause, long nowNs) {
        connectionEnded(remote, outbound, error, cause, false, nowNs);
    }

    /**
     * Like {@link #connectionEnded(Endpoint, boolean, String, EndCause, long)}, saying whether the connection had
     * been established (both sides' UDP heartbeats confirmed). Losing an established connection to a target
     * starts quick retries: every {@link #QUICK_RETRY_INTERVAL_NS} (jittered) for {@link #QUICK_RETRY_WINDOW_NS},
     * failed dials included, before Weave's growing backoff resumes. A peer that restarts is then back in the
     * mesh within a fraction of a second of listening again, instead of after whatever the backoff had grown to;
     * a connection that never got established (refused, failed handshake, duplicate) keeps Weave's schedule, so
     * nothing flaps faster than before.
     */
    public void connectionEnded(Endpoint remote, boolean outbound, String error, EndCause cause,
            boolean wasEstablished, long nowNs) {
        if (cause.countsAsTermination()) {
            terminations++;
        }
        Target t = outbound ? targets.get(remote) : null;
        if (t == null || t.state().idle()) {
            return;
        }
        t.moveTo(TargetState.WAITING);
        t.recordError(error);
        if (cause.neverRetry()) {
            t.tryNever(backoff);
        } else if (wasEstablished) {
            t.retryQuickly(nowNs, Target.saturatingAdd(nowNs, QUICK_RETRY_WINDOW_NS), QUICK_RETRY_INTERVAL_NS,
                    backoff);
        } else if (nowNs > Target.saturatingAdd(t.tryAfterNs(), resetAfterNs)) {
            t.tryNow(nowNs, backoff);
        } else {
            t.tryLater(nowNs, backoff);
        }
    }

    /** Sets the connection limit (0 for none): no dial starts while connections plus dials reach it. */
    public void setConnectionLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("connection limit must be >= 0 (0 = none): " + limit);
        }
        connectionLimit = limit;
    }

    /** The connection limit, 0 for none. */
    public int connectionLimit() {
        return connectionLimit;
    }

    /** Weave's {@code TerminationCount}: connections ended, except connect-to-self. */
    public long terminations() {
        return terminations;
    }

    /** The direct targets exactly as the user typed them, in the order first added. */
    public List<String> directTargets() {
        return direct.texts();
    }

    /** The state of the target at {@code address}, empty when it is not a target. */
    public Optional<TargetState> stateOf(Endpoint address) {
        Target t = targets.get(address);
        return t == null ? Optional.empty() : Optional.of(t.state());
    }

    /**
     * The targets without a live connection, sorted by address, with Weave's status words: "connecting"
     * (first attempt in flight), "retrying" (attempt after an error), "failed" (waiting after an error),
     * "waiting" (waiting without one). Connected and suspended targets are not listed. {@code nextTryNs}
     * is the retry time when waiting ({@code Long.MAX_VALUE} for never) and the start of the attempt when
     * attempting.
     */
    public List<TargetView> view() {
        SortedSet<Endpoint> directSet = directAddresses();
        List<TargetView> out = new ArrayList<>();
        for (Target t : targets.values()) {
            boolean failed = !t.lastError().isEmpty();
            String word;
            if (t.state() == TargetState.WAITING) {
                word = failed ? "failed" : "waiting";
            } else if (t.state() == TargetState.ATTEMPTING) {
                word = failed ? "retrying" : "connecting";
            } else {
                continue;
            }
            out.add(new TargetView(t.address().toString(), directSet.contains(t.address()), word,
                    t.lastError(), t.tryAfterNs()));
        }
        return out;
    }

    /** Steps 2-4 of Weave's check: collect valid targets, then suspend, forget or revive the idle ones. */
    private void check(long nowNs) {
        SortedSet<Endpoint> valid = new TreeSet<>();
        for (Endpoint typed : direct.addresses()) {
            boolean satisfiedByInbound = typed.port() == DirectPeers.NO_PORT
                    && connected.inboundHosts().contains(typed.host());
            if (!satisfiedByInbound) {
                addTarget(complete(typed), valid, nowNs);
            }
        }
        if (discovery) {
            if (discoveredAddresses == null) {
                discoveredAddresses = discoveredAddresses();
            }
            for (Endpoint address : discoveredAddresses) {
                addTarget(address, valid, nowNs);
            }
        }
        SortedSet<Endpoint> directSet = directAddresses();
        Iterator<Map.Entry<Endpoint, Target>> it = targets.entrySet().iterator();
        while (it.hasNext()) {
            Target t = it.next().getValue();
            if (!t.state().idle()) {
                continue;
            }
            if (!valid.contains(t.address())) {
                if (directSet.contains(t.address())) {
                    t.moveTo(TargetState.SUSPENDED);
                } else {
                    it.remove();
                }
            } else if (t.tryAfterNs() != Target.NEVER_NS) {
                t.moveTo(TargetState.WAITING);
            }
        }
    }

    private void addTarget(Endpoint address, SortedSet<Endpoint> valid, long nowNs) {
        if (connected.remoteEndpoints().contains(address)) {
            return;
        }
        valid.add(address);
        targets.computeIfAbsent(address, a -> new Target(a, nowNs, backoff));
    }

    /**
     * Step 3: for every other peer, each connection it reports to a peer that is neither us nor connected
     * to us. An outbound one is dialled at its recorded address; an inbound one at its source host on our
     * port, since its recorded port is ephemeral. Unparseable addresses and port 0 (gossip is untrusted) are
     * skipped.
     */
    private SortedSet<Endpoint> discoveredAddresses() {
        SortedSet<Endpoint> out = new TreeSet<>();
        for (DiscoveredPeer peer : discovered) {
            if (peer.name().equals(ourName)) {
                continue;
            }
            for (ConnectionSummary c : peer.connections()) {
                if (c.to().equals(ourName) || connected.peers().contains(c.to())) {
                    continue;
                }
                Optional<Endpoint> address = Endpoint.parse(c.remoteTcpAddr(), ourPort)
                        .map(a -> c.outbound() ? a : a.withPort(ourPort));
                if (address.isPresent() && address.get().port() != 0) {
                    out.add(address.get());
                }
            }
        }
        return out;
    }

    private SortedSet<Endpoint> directAddresses() {
        SortedSet<Endpoint> out = new TreeSet<>();
        for (Endpoint typed : direct.addresses()) {
            out.add(complete(typed));
        }
        return out;
    }

    private Endpoint complete(Endpoint typed) {
        return typed.port() == DirectPeers.NO_PORT ? typed.withPort(ourPort) : typed;
    }

    private int attemptingCount() {
        int n = 0;
        for (Target t : targets.values()) {
            if (t.state() == TargetState.ATTEMPTING) {
                n++;
            }
        }
        return n;
    }

    private boolean atLimit(int busy) {
        return connectionLimit > 0 && busy >= connectionLimit;
    }
}
