package net.weft.daemon.cli;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.weft.core.RouterConfig;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.daemon.Daemon;
import net.weft.daemon.DaemonSettings;
import net.weft.daemon.PeerAddresses;
import net.weft.daemon.datapath.CountingFrameInjector;
import net.weft.daemon.datapath.LateFrameInjector;
import net.weft.daemon.datapath.TapDataPath;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.sodium.CryptoEngineChoice;
import net.weft.sleeve.host.weft.WeftNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft launch [PEER...]}: runs a router in the foreground, or with {@code --detach} in the background
 * (see {@link Detacher}). Flags follow Weave's {@code weave launch}.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Start the weft router, connecting to the given peers (host[:port]).")
public final class LaunchCommand implements Callable<Integer> {

    /** Default status address. */
    public static final String DEFAULT_STATUS_ADDR = "127.0.0.1:6782";
    /** Default HTTP API port when an address omits it. */
    public static final int DEFAULT_HTTP_PORT = 6784;
    /** Log levels as Weave names them. */
    static final List<String> LOG_LEVELS = List.of("debug", "info", "warning", "error");

    @Parameters(arity = "0..*", paramLabel = "PEER", description = "Peers to connect to (host[:port]).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--name", description = "Peer name (MAC form); default: the weft bridge's MAC or the host's id.")
    String name;

    @Option(names = "--nickname", description = "Human-readable peer name (default: the host name).")
    String nickname;

    @Option(names = "--port", defaultValue = "6783", description = "TCP and UDP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--password", description = "Shared secret; also $WEFT_PASSWORD or $WEAVE_PASSWORD.")
    String password;

    @Option(names = "--conn-limit", defaultValue = "200",
            description = "Maximum connections, 0 for no limit (default: ${DEFAULT-VALUE}).")
    int connLimit;

    @Option(names = "--no-discovery", description = "Do not connect to peers learned from the topology.")
    boolean noDiscovery;

    @Option(names = "--trusted-subnets", split = ",", paramLabel = "CIDR",
            description = "Comma-separated subnets whose peers need no data-plane encryption.")
    List<String> trustedSubnets = new ArrayList<>();

    @Option(names = "--http-addr", description = "Control API address (default: $WEFT_HTTP_ADDR or "
            + HttpAddressOption.DEFAULT + ").")
    String httpAddr;

    @Option(names = "--status-addr", description = "Status and metrics address (default: $WEFT_STATUS_ADDR or "
            + DEFAULT_STATUS_ADDR + ").")
    String statusAddr;

    /** The smallest bridge MTU accepted: IPv4's minimum datagram size. */
    static final int MIN_BRIDGE_MTU = 576;

    @Option(names = "--mtu", defaultValue = "0", description = "MTU of the weft bridge, its TAP port and so the "
            + "containers' frames (Weave's WEAVE_MTU; default 1376).")
    int mtu;

    @Option(names = "--underlay-mtu", defaultValue = "0", description = "MTU of the host network the overlay "
            + "crosses (default 1500); each connection's sleeve MTU is this minus the sleeve overhead "
            + "(1438 plain, 1414 encrypted on 1500); larger DF frames are answered with ICMP.")
    int underlayMtu;

    @Option(names = "--crypto-engine", defaultValue = "auto", paramLabel = "ENGINE", description = "Secretbox "
            + "for encrypted sleeve packets: auto (libsodium when it loads, else java), java or libsodium "
            + "(default: ${DEFAULT-VALUE}).")
    String cryptoEngine;

    @Option(names = "--no-datapath", description = "Do not create the weft bridge's TAP port: no frames are "
            + "captured or delivered (for hosts without root or /dev/net/tun).")
    boolean noDatapath;

    @Option(names = "--log-level", defaultValue = "info", description = "debug, info, warning or error.")
    String logLevel;

    @Option(names = "--detach", description = "Run in the background; print the peer name once it answers.")
    boolean detach;

    @Option(names = "--log-file", description = "Log file of a detached daemon (default: in the temp dir).")
    String logFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DaemonSettings settings = settings();
        if (detach) {
            return new Detacher(spec, httpAddress(), logFile, settings.password()).run();
        }
        configureLogging(logLevel);
        Daemon daemon;
        LateFrameInjector frames = new LateFrameInjector(new CountingFrameInjector());
        try {
            daemon = Daemon.start(settings, frames);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("weft: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        TapDataPath dataPath = null;
        if (!noDatapath) {
            try {
                dataPath = TapDataPath.open(WeftNames.BRIDGE, daemon.name(), bridgeMtu());
                frames.plug(dataPath);
                daemon.attachTap(dataPath.port(), dataPath.offload());
            } catch (HostNetworkException e) {
                daemon.stop();
                spec.commandLine().getErr().println("weft: cannot set up the data path (bridge " + WeftNames.BRIDGE
                        + " and a TAP port): " + e.getMessage() + "; run as root with /dev/net/tun, or launch with"
                        + " --no-datapath");
                spec.commandLine().getErr().flush();
                return 1;
            }
        }
        TapDataPath port = dataPath;
        Runnable shutdown = () -> {
            daemon.stop();
            if (port != null) {
                port.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "weft-shutdown"));
        spec.commandLine().getOut().println(daemon.name());
        spec.commandLine().getOut().flush();
        daemon.awaitStopped();
        shutdown.run();
        return 0;
    }

    /** The bridge and TAP MTU: {@code --mtu}, or {@link TapDataPath#DEFAULT_MTU}. */
    int bridgeMtu() {
        return mtu == 0 ? TapDataPath.DEFAULT_MTU : mtu;
    }

    /** Checks every flag and builds the settings; bad input is a usage error. */
    DaemonSettings settings() {
        Optional<String> chosenName = Optional.ofNullable(name).filter(n -> !n.isBlank());
        if (chosenName.isPresent() && PeerName.parse(chosenName.get().trim()).isEmpty()) {
            throw usage("invalid peer name: " + chosenName.get());
        }
        if (port < 1 || port > 65535) {
            throw usage("--port must be 1..65535: " + port);
        }
        if (connLimit < 0) {
            throw usage("--conn-limit must be >= 0: " + connLimit);
        }
        if (mtu != 0 && (mtu < MIN_BRIDGE_MTU || mtu > RouterConfig.MAX_UNDERLAY_MTU)) {
            throw usage("--mtu must be " + MIN_BRIDGE_MTU + ".." + RouterConfig.MAX_UNDERLAY_MTU + ": " + mtu);
        }
        if (underlayMtu != 0 && (underlayMtu < RouterConfig.MIN_UNDERLAY_MTU
                || underlayMtu > RouterConfig.MAX_UNDERLAY_MTU)) {
            throw usage("--underlay-mtu must be " + RouterConfig.MIN_UNDERLAY_MTU + ".."
                    + RouterConfig.MAX_UNDERLAY_MTU + ": " + underlayMtu);
        }
        if (!LOG_LEVELS.contains(logLevel.toLowerCase(Locale.ROOT))) {
            throw usage("--log-level must be one of " + String.join(", ", LOG_LEVELS) + ": " + logLevel);
        }
        Optional<CryptoEngineChoice> engine = CryptoEngineChoice.parse(cryptoEngine);
        if (engine.isEmpty()) {
            throw usage("--crypto-engine must be " + CryptoEngineChoice.VALUES + ": " + cryptoEngine);
        }
        List<String> bad = PeerAddresses.problems(peers, port);
        if (!bad.isEmpty()) {
            throw usage(String.join("; ", bad));
        }
        List<String> subnets = new ArrayList<>();
        for (String cidr : trustedSubnets) {
            if (!cidr.isBlank()) {
                subnets.add(checkCidr(cidr.trim()));
            }
        }
        return new DaemonSettings(chosenName, nickname, port, password(), connLimit, !noDiscovery, subnets,
                address("--http-addr", httpAddress()), address("--status-addr", statusAddress()), underlayMtu,
                peers, engine.get());
    }

    private String httpAddress() {
        return firstOf(httpAddr, System.getenv(HttpAddressOption.ENV), HttpAddressOption.DEFAULT);
    }

    private String statusAddress() {
        return firstOf(statusAddr, System.getenv("WEFT_STATUS_ADDR"), DEFAULT_STATUS_ADDR);
    }

    private String password() {
        return firstOf(password, System.getenv("WEFT_PASSWORD"), firstOf(System.getenv("WEAVE_PASSWORD"), "", ""));
    }

    private InetSocketAddress address(String flag, String text) {
        Optional<Endpoint> e = Endpoint.parse(text, DEFAULT_HTTP_PORT);
        if (e.isEmpty()) {
            throw usage(flag + " must be host:port: " + text);
        }
        return new InetSocketAddress(e.get().host(), e.get().port());
    }

    private String checkCidr(String cidr) {
        int slash = cidr.indexOf('/');
        String ip = slash < 0 ? "" : cidr.substring(0, slash);
        String bits = slash < 0 ? "" : cidr.substring(slash + 1);
        int max = NetUtil.isValidIpV4Address(ip) ? 32 : NetUtil.isValidIpV6Address(ip) ? 128 : -1;
        if (max < 0 || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                || Integer.parseInt(bits) > max) {
            throw usage("invalid CIDR in --trusted-subnets: " + cidr);
        }
        return cidr;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Sets slf4j-simple's level and line format; must run before the first logger is created. */
    static void configureLogging(String level) {
        String l = level.toLowerCase(Locale.ROOT);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", l.equals("warning") ? "warn" : l);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
    }

    private static String firstOf(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : fallback;
    }
}
