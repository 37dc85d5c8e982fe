package net.weft.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.Timings;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.input.Input;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.trace.TraceSink;
import net.weft.core.view.RouterView;
import net.weft.sim.frame.Bridge;
import net.weft.sim.frame.Container;

/**
 * The discrete-event engine: a virtual clock, one event queue ordered by (time, sequence), the hosts with
 * their routers, the underlay, and the faults. Nothing sleeps: {@link #runUntil} pops events in order,
 * moves the clock to each, and feeds routers; the effects they return become new events (see
 * {@link Transport} for the contract between effects and the network).
 *
 * <p>All randomness comes from one seed through forked SplitMix64 streams (one per host, one per link
 * direction), so adding a host or a link never changes the draws of the others.
 */
public final class SimNetwork {

    static final int EV_TICK = 1;
    static final int EV_INPUT = 2;
    static final int EV_CONNECTION_INPUT = 3;
    static final int EV_ACTION = 4;
    static final int EV_BRIDGE_FRAME = 5;

    /** Incarnation wildcard: the input goes to whatever router runs on the host when it arrives. */
    static final int ANY_INCARNATION = -1;

    private static final long DOMAIN_HOSTS = 1;
    private static final long DOMAIN_LINKS = 2;
    private static final long DOMAIN_CONTAINERS = 3;
    private static final long DOMAIN_START_TIMES = 4;
    private static final long SHORT_ID_STREAM = -1;
    private static final int SHORT_ID_LIMIT = 4096;
    private static final int CONTAINER_NET = (10 << 24) | (32 << 16);
    private static final long LOCAL_ADMIN_UNICAST_MASK = 0xFCFF_FFFF_FFFFL;
    private static final long LOCAL_ADMIN_BIT = 0x0200_0000_0000L;

    private final long seed;
    private final DeterministicRandom root;
    private final NodeFactory factory;
    private final EventQueue queue = new EventQueue();
    private final EventQueue.Popped popped = new EventQueue.Popped();
    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, Integer> hostByIp = new HashMap<>();
    private final Set<Long> usedNames = new HashSet<>();
    private final Set<Long> usedMacs = new HashSet<>();
    private final Underlay underlay = new Underlay();
    private final List<SimObserver> observers = new ArrayList<>();
    private final long[] counters = new long[Counter.values().length];
    private final TreeMap<String, Long> drops = new TreeMap<>();
    private final Transport transport;
    private LinkParams defaultLink = LinkParams.defaults();
    private Timings timings = Timings.weave();
    private boolean discovery = true;
    private long nowNs;
    private long events;
    private int containerCount;
    private Runnable afterEvent;

    /** An empty network whose every random draw derives from {@code seed}, running nodes from {@code factory}. */
    public SimNetwork(long seed, NodeFactory factory) {
        this.seed = seed;
        this.root = new SplitMix64(seed);
        this.factory = factory;
        this.transport = new Transport(this);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Virtual time now. */
    public long nowNs() {
        return nowNs;
    }

    /** Events processed so far. */
    public long eventsProcessed() {
        return events;
    }

    /** Events waiting. */
    public int pendingEvents() {
        return queue.size();
    }

    /** Parameters for links created from now on. */
    public void setDefaultLink(LinkParams params) {
        this.defaultLink = params;
    }

    /** Parameters new links get. */
    public LinkParams defaultLink() {
        return defaultLink;
    }

    /** Whether routers started from now on dial peers learned from the topology (Weave's default: yes). */
    public void setDiscovery(boolean on) {
        this.discovery = on;
    }

    /** Timings routers started from now on run with. */
    public void setTimings(Timings t) {
        this.timings = t;
    }

    /** Runs {@code hook} after every event (null: none); used for per-event safety checks. */
    public void setAfterEvent(Runnable hook) {
        this.afterEvent = hook;
    }

    /** Registers an observer. */
    public void observe(SimObserver observer) {
        observers.add(observer);
    }

    // ----------------------------------------------------------------------------------------------- hosts

    /** Adds a host (not yet started) with a name, uid stream and IP derived from the seed and its index. */
    public int addHost(String nickname) {
        int index = hosts.size();
        DeterministicRandom rng = root.fork(DOMAIN_HOSTS).fork(index);
        long name;
        do {
            name = rng.nextLong() & PeerName.MASK;
        } while (name == 0 || !usedNames.add(name));
        int n = index + 1;
        String ip = "10." + ((n >>> 16) & 0xFF) + "." + ((n >>> 8) & 0xFF) + "." + (n & 0xFF);
        Host h = new Host(index, nickname, new PeerName(name), ip, RouterConfig.DEFAULT_PORT, rng);
        hosts.add(h);
        hostByIp.put(ip, index);
        underlay.addHost(index);
        return index;
    }

    /** Number of hosts ever added. */
    public int hostCount() {
        return hosts.size();
    }

    /** Host {@code i}'s scenario name. */
    public String nickname(int i) {
        return hosts.get(i).nickname;
    }

    /** Host {@code i}'s peer name. */
    public PeerName peerName(int i) {
        return hosts.get(i).name;
    }

    /** Host {@code i}'s underlay IP. */
    public String ip(int i) {
        return hosts.get(i).ip;
    }

    /** Host {@code i}'s state. */
    public HostState state(int i) {
        return hosts.get(i).state;
    }

    /** The UID of the router running on host {@code i} (0 when none ran yet). */
    public long uid(int i) {
        return hosts.get(i).uid;
    }

    /** True when host {@code i} has a router (running or paused): {@link #view} then gives a snapshot. */
    public boolean alive(int i) {
        return hosts.get(i).alive();
    }

    /** A snapshot of host {@code i}'s router, or null when it runs none. */
    public RouterView view(int i) {
        Host h = hosts.get(i);
        return h.alive() ? h.node.view() : null;
    }

    /** The connections host {@code i}'s transport holds open, by connection id (for tests). */
    public List<ConnectionId> openConnections(int i) {
        return new ArrayList<>(hosts.get(i).connections.keySet());
    }

    // ----------------------------------------------------------------------------------------------- links

    /** Links two hosts with the default parameters. */
    public void link(int a, int b) {
        underlay.link(a, b, defaultLink);
    }

    /** Links two hosts (or changes an existing link) with {@code params}. */
    public void link(int a, int b, LinkParams params) {
        underlay.link(a, b, params);
    }

    /** True when the underlay links the two hosts (whatever faults are in force). */
    public boolean linked(int a, int b) {
        return underlay.link(a, b) != null;
    }

    /** Linked hosts of {@code a}, ascending. */
    public List<Integer> neighbours(int a) {
        return underlay.neighbours(a);
    }

    /** Number of underlay links. */
    public int linkCount() {
        return underlay.linkCount();
    }

    /** True when a TCP connection between the two hosts can work now. */
    public boolean canConnect(int a, int b) {
        return underlay.canConnect(a, b);
    }

    /** Changes every link's parameters (and the default for new links). */
    public void setAllLinks(LinkParams params) {
        defaultLink = params;
        for (Underlay.Link l : underlay.links()) {
            l.params = params;
        }
        note("network: " + params);
    }

    // ---------------------------------------------------------------------------------------------- faults

    /** Cuts the link between two hosts: connections over it break, datagrams are lost until healed. */
    public void cut(int a, int b) {
        Underlay.Link l = requireLink(a, b);
        l.cut = true;
        note("cut " + nickname(a) + " " + nickname(b));
        transport.breakUnreachable();
    }

    /** Heals a cut link. */
    public void heal(int a, int b) {
        requireLink(a, b).cut = false;
        note("heal " + nickname(a) + " " + nickname(b));
    }

    /** Splits hosts into groups that cannot reach each other; unlisted hosts form one more group. */
    public void partition(List<int[]> groups) {
        underlay.partition(groups);
        note("partition " + groupsText(groups));
        transport.breakUnreachable();
    }

    /** Blocks packets from hosts in {@code from} to hosts in {@code to} (one way; TCP across breaks). */
    public void blockOneWay(int[] from, int[] to) {
        underlay.blockOneWay(bits(from), bits(to));
        note("block " + groupsText(List.of(from)) + " -> " + groupsText(List.of(to)));
        transport.breakUnreachable();
    }

    /** Removes every cut, partition and block. */
    public void healAll() {
        underlay.healAll();
        note("heal-all");
    }

    /** Starts host {@code i}'s router and asks it to connect to its link neighbours. */
    public void start(int i) {
        boot(i);
        connectToNeighbours(i);
    }

    /** Starts every host not started yet, then asks each to connect: nobody dials a host not yet up. */
    public void startAllNew() {
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).state == HostState.NEW) {
                boot(i);
                started.add(i);
            }
        }
        for (int i : started) {
            connectToNeighbours(i);
        }
    }

    /**
     * Starts every host not started yet at its own seeded-random time, uniform within {@code windowNs} from now (as
     * real hosts boot over a while, not in one instant): each starts and asks to connect as {@link #start} does, so
     * it dials neighbours that are still down, is refused and retries on the router's back-off. A window of 0 is
     * {@link #startAllNew}. Each host's time comes from its own stream, so adding hosts moves no other host's start.
     *
     * @return the virtual time of the last start (now when no host was new)
     */
    public long startAllNewWithin(long windowNs) {
        if (windowNs < 0) {
            throw new IllegalArgumentException("negative start window " + windowNs);
        }
        if (windowNs == 0) {
            startAllNew();
            return nowNs;
        }
        long lastNs = nowNs;
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).state == HostState.NEW) {
                long atNs = nowNs + startOffsetNs(i, windowNs);
                lastNs = Math.max(lastNs, atNs);
                int host = i;
                at(atNs, () -> {
                    if (hosts.get(host).state == HostState.NEW) {
                        start(host);
                    }
                });
            }
        }
        return lastNs;
    }

    /** Host {@code i}'s seeded start offset within a window: {@code [0, windowNs)}. */
    long startOffsetNs(int i, long windowNs) {
        return (long) (root.fork(DOMAIN_START_TIMES).fork(i).nextDouble() * windowNs);
    }

    /** Creates host {@code i}'s router (first start, or restart after a crash, with a new UID). */
    private void boot(int i) {
        Host h = hosts.get(i);
        if (h.alive() || h.state == HostState.GONE) {
            throw new IllegalStateException(h.nickname + " cannot start: it is " + h.state);
        }
        boolean restart = h.state == HostState.DOWN;
        h.incarnation++;
        h.tickToken++;
        h.held.clear();
        long uid;
        do {
            uid = h.identityRng.fork(2L * h.incarnation).nextLong();
        } while (uid == 0);
        h.uid = uid;
        int shortId = h.identityRng.fork(SHORT_ID_STREAM).nextInt(SHORT_ID_LIMIT);
        RouterConfig config = RouterConfig.defaults(h.name, h.nickname, new PeerUid(uid), shortId)
                .withTimings(timings).withDiscovery(discovery);
        TraceSink sink = observers.isEmpty() ? TraceSink.NONE : event -> traceEvent(i, event);
        h.node = factory.create(config, h.identityRng.fork(2L * h.incarnation + 1), sink);
        h.state = HostState.UP;
        note((restart ? "restart " : "start ") + h.nickname + " " + h.name + " uid " + Long.toUnsignedString(uid));
    }

    /**
     * Gives the router its link neighbours as targets, as bare IPs ({@code weave launch 10.0.0.2}), so the
     * port defaults to 6783. Weave skips a port-less target when an inbound connection from that IP exists;
     * with explicit {@code ip:6783} targets both ends of every link keep dialling each other and the
     * duplicate-connection tie-break keeps replacing established connections.
     */
    private void connectToNeighbours(int i) {
        Host h = hosts.get(i);
        List<String> targets = new ArrayList<>();
        for (int n : underlay.neighbours(i)) {
            targets.add(hosts.get(n).ip);
        }
        feed(h, new Input.ConnectRequested(targets, false));
    }

    /** Crashes host {@code i}: its router's state is lost and its connections break. */
    public void crash(int i) {
        Host h = requireAlive(i);
        stop(h, HostState.DOWN);
        note("crash " + h.nickname);
    }

    /** Host {@code i} leaves for good: it crashes and its links disappear. */
    public void leave(int i) {
        Host h = hosts.get(i);
        if (h.alive()) {
            stop(h, HostState.GONE);
        }
        h.state = HostState.GONE;
        for (int n : underlay.neighbours(i)) {
            underlay.unlink(i, n);
        }
        note("leave " + h.nickname);
    }

    /** Pauses host {@code i}: inputs for it wait, its timers stop, its connections stall. */
    public void pause(int i) {
        Host h = requireAlive(i);
        h.state = HostState.PAUSED;
        h.tickToken++;
        h.scheduledTickNs = Step.NO_DEADLINE;
        note("pause " + h.nickname);
    }

    /** Resumes a paused host: held inputs are delivered in order, then its timers are checked. */
    public void resume(int i) {
        Host h = hosts.get(i);
        if (h.state != HostState.PAUSED) {
            throw new IllegalStateException(h.nickname + " is not paused");
        }
        h.state = HostState.UP;
        note("resume " + h.nickname + " (" + h.held.size() + " held inputs)");
        while (!h.held.isEmpty()) {
            Object o = h.held.poll();
            if (o instanceof ConnectionInput) {
                queue.push(nowNs, EV_CONNECTION_INPUT, i, 0, o);
            } else {
                queue.push(nowNs, EV_INPUT, i, h.incarnation, o);
            }
        }
        queue.push(nowNs, EV_TICK, i, ++h.tickToken, null);
        h.scheduledTickNs = nowNs;
    }

    private void stop(Host h, HostState next) {
        h.state = next;
        h.node = null;
        h.tickToken++;
        h.scheduledTickNs = Step.NO_DEADLINE;
        h.held.clear();
        transport.breakAll(h, "connection reset by peer");
    }

    // ---------------------------------------------------------------------------------------- containers

    /** Puts a container on host {@code i}'s bridge, with a MAC and IP derived from the seed and its name. */
    public Container addContainer(int i, String name) {
        DeterministicRandom rng = root.fork(DOMAIN_CONTAINERS).fork(name.hashCode());
        long mac;
        do {
            mac = (rng.nextLong() & LOCAL_ADMIN_UNICAST_MASK) | LOCAL_ADMIN_BIT;
        } while (!usedMacs.add(mac));
        int ip = CONTAINER_NET + (++containerCount);
        Container c = new Container(name, new MacAddress(mac), ip, i, bridgeOf(i));
        hosts.get(i).containers.add(c);
        return c;
    }

    /** Containers on host {@code i}. */
    public List<Container> containers(int i) {
        return Collections.unmodifiableList(hosts.get(i).containers);
    }

    private Bridge bridgeOf(int i) {
        return new Bridge() {
            @Override
            public void send(Container from, byte[] frame) {
                count(Counter.FRAMES_FROM_CONTAINERS, 1);
                queue.push(nowNs, EV_BRIDGE_FRAME, i, 0, new Transport.BridgeFrame(from, frame));
            }

            @Override
            public void at(long atNs, Runnable action) {
                SimNetwork.this.at(atNs, action);
            }

            @Override
            public long nowNs() {
                return nowNs;
            }
        };
    }

    // ------------------------------------------------------------------------------------------------- run

    /** Runs {@code action} at virtual time {@code atNs} (not before now). */
    public void at(long atNs, Runnable action) {
        queue.push(Math.max(atNs, nowNs), EV_ACTION, -1, 0, action);
    }

    /** Processes every event due at or before {@code endNs}, then sets the clock to {@code endNs}. */
    public void runUntil(long endNs) {
        while (!queue.isEmpty() && queue.peekTime() <= endNs) {
            queue.pop(popped);
            nowNs = popped.timeNs;
            events++;
            dispatch(popped.kind, popped.host, popped.arg, popped.object);
            if (afterEvent != null) {
                afterEvent.run();
            }
        }
        nowNs = Math.max(nowNs, endNs);
    }

    private void dispatch(int kind, int hostIndex, long arg, Object object) {
        switch (kind) {
            case EV_TICK:
                fireTick(hosts.get(hostIndex), arg);
                break;
            case EV_INPUT:
                transport.deliverInput(hosts.get(hostIndex), (int) arg, (Input) object);
                break;
            case EV_CONNECTION_INPUT:
                transport.deliverConnectionInput((ConnectionInput) object);
                break;
            case EV_BRIDGE_FRAME:
                transport.bridgeFrame(hosts.get(hostIndex), (Transport.BridgeFrame) object);
                break;
            case EV_ACTION:
                ((Runnable) object).run();
                break;
            default:
                throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    private void fireTick(Host h, long token) {
        if (token != h.tickToken || !h.running()) {
            return;
        }
        h.scheduledTickNs = Step.NO_DEADLINE;
        feed(h, Input.Tick.INSTANCE);
    }

    /** Steps host {@code h}'s router with {@code input}, runs its effects and re-arms its timer. */
    void feed(Host h, Input input) {
        if (!observers.isEmpty()) {
            for (SimObserver o : observers) {
                o.input(nowNs, h.index, input);
            }
        }
        counters[Counter.ROUTER_STEPS.ordinal()]++;
        Step step = h.node.step(nowNs, input);
        transport.execute(h, step.effects());
        if (!h.running()) {
            return;
        }
        long deadline = step.nextDeadlineNs();
        if (deadline == Step.NO_DEADLINE) {
            h.tickToken++;
            h.scheduledTickNs = Step.NO_DEADLINE;
        } else if (deadline != h.scheduledTickNs) {
            h.scheduledTickNs = deadline;
            queue.push(Math.max(deadline, nowNs), EV_TICK, h.index, ++h.tickToken, null);
        }
    }

    // ------------------------------------------------------------------------------------------- internals

    void push(long atNs, int kind, int host, long arg, Object object) {
        queue.push(atNs, kind, host, arg, object);
    }

    Host host(int i) {
        return hosts.get(i);
    }

    Integer hostByIp(String ip) {
        return hostByIp.get(ip);
    }

    Underlay underlay() {
        return underlay;
    }

    DeterministicRandom linkRng(int from, int to) {
        return root.fork(DOMAIN_LINKS).fork(((long) from << 32) | (to & 0xFFFF_FFFFL));
    }

    void count(Counter c, long n) {
        counters[c.ordinal()] += n;
    }

    void drop(String reason) {
        counters[Counter.DATAGRAMS_DROPPED.ordinal()]++;
        drops.merge(reason, 1L, Long::sum);
    }

    boolean observed() {
        return !observers.isEmpty();
    }

    void note(String what) {
        for (SimObserver o : observers) {
            o.note(nowNs, what);
        }
    }

    private void traceEvent(int host, net.weft.core.trace.TraceEvent event) {
        for (SimObserver o : observers) {
            o.trace(host, event);
        }
    }

    /** Counter values by name. */
    public TreeMap<String, Long> counters() {
        TreeMap<String, Long> out = new TreeMap<>();
        for (Counter c : Counter.values()) {
            out.put(c.key(), counters[c.ordinal()]);
        }
        return out;
    }

    /** One counter's value. */
    public long counter(Counter c) {
        return counters[c.ordinal()];
    }

    /** Datagrams the network dropped, by reason. */
    public TreeMap<String, Long> dropReasons() {
        return new TreeMap<>(drops);
    }

    private Underlay.Link requireLink(int a, int b) {
        Underlay.Link l = underlay.link(a, b);
        if (l == null) {
            throw new IllegalArgumentException("no underlay link between " + nickname(a) + " and " + nickname(b));
        }
        return l;
    }

    private Host requireAlive(int i) {
        Host h = hosts.get(i);
        if (!h.alive()) {
            throw new IllegalStateException(h.nickname + " is not running (" + h.state + ")");
        }
        return h;
    }

    private static BitSet bits(int[] members) {
        BitSet b = new BitSet();
        for (int m : members) {
            b.set(m);
        }
        return b;
    }

    private String groupsText(List<int[]> groups) {
        StringBuilder sb = new StringBuilder();
        for (int[] g : groups) {
            sb.append('[');
            for (int k = 0; k < g.length; k++) {
                sb.append(k == 0 ? "" : " ").append(nickname(g[k]));
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
