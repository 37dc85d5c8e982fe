package net.weft.daemon;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import net.weft.core.Router;
import net.weft.core.RouterConfig;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.MacSighting;
import net.weft.core.id.PeerName;
import net.weft.core.input.Input;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.daemon.datapath.FrameInjector;
import net.weft.daemon.http.ApiRoutes;
import net.weft.daemon.http.DaemonControl;
import net.weft.daemon.http.HttpApiServer;
import net.weft.daemon.identity.HostFiles;
import net.weft.daemon.identity.HostIdentity;
import net.weft.daemon.log.TraceLogger;
import net.weft.daemon.loop.NettyLoopScheduler;
import net.weft.daemon.loop.RouterDriver;
import net.weft.daemon.loop.RouterLoop;
import net.weft.daemon.loop.TargetTrackingDriver;
import net.weft.daemon.net.Addresses;
import net.weft.daemon.net.IoTransport;
import net.weft.daemon.net.NettyEffectExecutor;
import net.weft.daemon.net.TcpTransport;
import net.weft.daemon.render.StatusSnapshot;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import net.weft.sleeve.fastpath.SleeveFastPath;
import net.weft.sleeve.fastpath.SlowPath;
import net.weft.sleeve.host.sodium.CryptoEngineChoice;
import net.weft.sleeve.host.frame.FramePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running weft router: sockets, router loop and HTTP endpoints. Start with {@link #start}. */
public final class Daemon {

    /** The version printed in status and reports. */
    public static final String VERSION = "0.1.0";
    /** How long start-up waits for the router loop's first turn. */
    static final long STARTUP_TIMEOUT_MS = 10_000;
    /** How long a stop waits for event loops to finish their work. */
    static final long SHUTDOWN_TIMEOUT_MS = 2_000;
    /** Quiet period of a stop, so the answer to {@code POST /stop} gets out. */
    static final long SHUTDOWN_QUIET_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger("weft.daemon");

    private final RouterConfig config;
    private final EventLoopGroup routerGroup;
    private final EventLoopGroup httpGroup;
    private final ExecutorService resolver;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private RouterLoop loop;
    private TcpTransport tcp;
    private SleeveFastPath sleeve;
    private HttpApiServer control;
    private HttpApiServer status;
    private InetSocketAddress tcpAddress;

    private Daemon(RouterConfig config, IoTransport io) {
        this.config = config;
        this.routerGroup = io.newGroup(1, "weft-router");
        this.httpGroup = io.newGroup(1, "weft-http");
        this.resolver = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weft-resolver");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a daemon: derives identity, binds TCP and UDP on the router port and both HTTP addresses, and
     * asks the router to connect to the initial peers. Throws (after cleaning up) when an address is taken.
     */
    public static Daemon start(DaemonSettings settings, FrameInjector frames) throws Exception {
        DeterministicRandom master = new SplitMix64(new SecureRandom().nextLong());
        DeterministicRandom identityRng = master.fork(1);
        HostFiles files = HostFiles.system();
        HostIdentity.ChosenName name = HostIdentity.peerName(settings.name(), files, identityRng);
        String nickname = settings.nickname().isEmpty() ? HostIdentity.hostname(files) : settings.nickname();
        RouterConfig config = RouterConfig.defaults(name.name(), nickname, HostIdentity.uid(identityRng),
                        HostIdentity.shortId(identityRng))
                .withPort(settings.port())
                .withPassword(settings.password())
                .withConnLimit(settings.connLimit())
                .withDiscovery(settings.discovery())
                .withTrustedSubnets(settings.trustedSubnets())
                .withUnderlayMtu(settings.mtu() == 0 ? RouterConfig.DEFAULT_UNDERLAY_MTU : settings.mtu());
        // The engine only matters with a password: no native library is loaded (or demanded) without one.
        String engineDetail = "none (no password)";
        if (config.encrypted()) {
            CryptoEngineChoice.Selection engine = settings.cryptoEngine().select();
            config = config.withSecretBoxes(engine.engines());
            engineDetail = engine.detail();
        }
        IoTransport io = IoTransport.best();
        Daemon d = new Daemon(config, io);
        try {
            d.wire(settings, io, master.fork(2), frames);
        } catch (Exception | Error e) {
            d.stop();
            throw e;
        }
        LOG.info("weft {} started: name {} ({}), nickname {}, uid {}, short id {}, {} sockets, port {}", VERSION,
                config.name(), name.source().name().toLowerCase(java.util.Locale.ROOT), config.nickname(),
                config.uid(), config.shortId(), io.name(), d.tcpAddress.getPort());
        LOG.info("sleeve encryption engine: {}", engineDetail);
        return d;
    }

    private void wire(DaemonSettings settings, IoTransport io, DeterministicRandom routerRng, FrameInjector frames)
            throws InterruptedException {
        DaemonCounters counters = new DaemonCounters();
        long baseNs = System.nanoTime();
        LongSupplier clockNs = () -> System.nanoTime() - baseNs;
        TargetTrackingDriver driver = new TargetTrackingDriver(
                RouterDriver.of(new Router(config, routerRng, new TraceLogger(counters))));
        EventLoop eventLoop = routerGroup.next();
        tcp = new TcpTransport(io, eventLoop, input -> loop.submit(input), counters, clockNs, resolver);
        RouterLoop.SnapshotFactory snapshots = (view, counts) -> new StatusSnapshot(view, driver.targets(),
                config.trustedSubnets(), withSleeveCounts(counts),
                System.currentTimeMillis() - (clockNs.getAsLong() - view.nowNs()) / 1_000_000L, VERSION);
        InetSocketAddress any = new InetSocketAddress("0.0.0.0", settings.port());
        tcpAddress = bind("TCP", () -> tcp.listen(any));
        sleeve = bind("UDP", () -> SleeveFastPath.start(config.name(),
                new InetSocketAddress("0.0.0.0", tcpAddress.getPort()), new RouterSlowPath(), clockNs));
        loop = new RouterLoop(driver, new NettyLoopScheduler(eventLoop), clockNs,
                new NettyEffectExecutor(tcp, sleeve, frames, counters), snapshots, counters);
        List<Input> initial = new ArrayList<>();
        initial.add(Input.FastPathStarted.INSTANCE);
        if (!settings.peers().isEmpty()) {
            initial.add(new Input.ConnectRequested(settings.peers(), false));
        }
        try {
            loop.start(initial).get(STARTUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("router loop did not start: " + e, e);
        }
        DaemonControl api = new Control();
        control = bind("HTTP control", () -> HttpApiServer.start(io, httpGroup, settings.httpAddress(),
                new ApiRoutes(api, true, config.port())));
        status = bind("HTTP status", () -> HttpApiServer.start(io, httpGroup, settings.statusAddress(),
                new ApiRoutes(api, false, config.port())));
    }

    /** The peer name. */
    public PeerName name() {
        return config.name();
    }

    /** The router configuration in use. */
    public RouterConfig config() {
        return config;
    }

    /** The bound control API address. */
    public InetSocketAddress httpAddress() {
        return control.address();
    }

    /** The bound status address. */
    public InetSocketAddress statusAddress() {
        return status.address();
    }

    /**
     * Starts capturing frames from the local bridge's port: the sleeve fast path forwards what the router's table
     * covers and hands the rest to the router. The port stays the caller's; close it after {@link #stop}.
     */
    public void attachTap(FramePort port, boolean offload) {
        sleeve.attachTap(port, offload);
    }

    /** The UDP counters are the sleeve's own (it sends and receives on its threads), the others the router's. */
    private SortedMap<String, Long> withSleeveCounts(SortedMap<String, Long> counts) {
        SortedMap<String, Long> out = new TreeMap<>(counts);
        out.put(Counter.UDP_RECEIVED_DATAGRAMS.key(), sleeve.datagramsReceived());
        out.put(Counter.UDP_SENT_DATAGRAMS.key(), sleeve.datagramsSent());
        out.put(Counter.UDP_SEND_FAILURES.key(), sleeve.sendFailures());
        return Collections.unmodifiableSortedMap(out);
    }

    /** The latest published snapshot. */
    public StatusSnapshot snapshot() {
        return loop.snapshot();
    }

    /** Blocks until the daemon has stopped. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything; idempotent, safe from any thread except the daemon's own event loops. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("weft stopping");
        if (control != null) {
            control.close();
        }
        if (status != null) {
            status.close();
        }
        if (loop != null) {
            loop.close();
            routerGroup.submit(tcp::shutdown).awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        }
        if (sleeve != null) {
            sleeve.close();
        }
        routerGroup.shutdownGracefully(SHUTDOWN_QUIET_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly();
        httpGroup.shutdownGracefully(SHUTDOWN_QUIET_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly();
        resolver.shutdownNow();
        stopped.countDown();
    }

    private static <T> T bind(String what, Binder<T> binder) throws InterruptedException {
        try {
            return binder.bind();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind " + what + ": " + e.getMessage(), e);
        }
    }

    /** A bind that may fail. */
    @FunctionalInterface
    private interface Binder<T> {
        T bind() throws Exception;
    }

    /** The fast path's hand-overs, queued for the router thread in the order they come. */
    private final class RouterSlowPath implements SlowPath {
        @Override
        public void framesCaptured(List<byte[]> frames) {
            List<Input> inputs = new ArrayList<>(frames.size());
            for (byte[] frame : frames) {
                inputs.add(new Input.FrameCaptured(frame));
            }
            loop.submitAll(inputs);
        }

        @Override
        public void datagramReceived(InetSocketAddress from, byte[] wire) {
            loop.submit(new Input.DatagramReceived(Addresses.endpointOf(from), wire));
        }

        @Override
        public void datagramOpened(InetSocketAddress from, byte[] plainDatagram) {
            loop.submit(new Input.SleeveDatagramOpened(Addresses.endpointOf(from), plainDatagram));
        }

        @Override
        public void report(List<MacSighting> sightings, FastPathCounts counts) {
            loop.submit(new Input.FastPathReport(sightings, counts));
        }

        @Override
        public void sendTooBig(InetSocketAddress to, int routeMtu) {
            if (routeMtu > 0) {
                loop.submit(new Input.SendTooBig(Addresses.endpointOf(to), routeMtu));
            }
        }
    }

    /** The HTTP API's view of the daemon. */
    private final class Control implements DaemonControl {
        @Override
        public StatusSnapshot snapshot() {
            return loop.snapshot();
        }

        @Override
        public CompletableFuture<StatusSnapshot> connect(List<String> peers, boolean replace) {
            return loop.submitAndPublish(new Input.ConnectRequested(peers, replace));
        }

        @Override
        public CompletableFuture<StatusSnapshot> forget(List<String> peers) {
            return loop.submitAndPublish(new Input.ForgetRequested(peers));
        }

        @Override
        public void stop() {
            Thread t = new Thread(Daemon.this::stop, "weft-stop");
            t.setDaemon(false);
            t.start();
        }
    }
}
