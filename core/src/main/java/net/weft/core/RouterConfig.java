package net.weft.core;

import java.util.List;
import net.weft.core.crypto.SecretBoxEngine;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.overlay.OverlayForwarder;
import net.weft.core.overlay.SleeveChannel;

/**
 * Identity, limits and settings of one router. Identity is an input: the daemon derives it from the host,
 * the simulator from its seed.
 *
 * @param name            our peer name
 * @param nickname        human label, usually the hostname
 * @param uid             incarnation id, non-zero, new on every start
 * @param shortId         12-bit short id (0..4095)
 * @param port            our TCP/UDP port (6783); targets without a port use it
 * @param password        shared secret for encryption, or empty for none
 * @param connLimit       maximum connections, 0 for no limit
 * @param discovery       dial peers learned from the topology
 * @param overlays        data-plane overlays we offer, in preference order
 * @param trustedSubnets  CIDRs whose peers need no data-plane encryption
 * @param maxPeers        topology entries we keep at most; updates beyond are dropped with a trace
 * @param timings         intervals and timeouts
 * @param underlayMtu     MTU of the host network the sleeve datagrams cross (1500 by default); the overlay
 *                        MTU shown per connection is this minus the sleeve overheads (62 plain, 86 encrypted)
 * @param secretBoxes     makes the secretboxes that seal and open encrypted sleeve packets
 *                        ({@link SecretBoxEngine#JAVA} by default; the daemon may supply a native one)
 */
public record RouterConfig(
        PeerName name,
        String nickname,
        PeerUid uid,
        int shortId,
        int port,
        String password,
        int connLimit,
        boolean discovery,
        List<String> overlays,
        List<String> trustedSubnets,
        int maxPeers,
        Timings timings,
        int underlayMtu,
        SecretBoxEngine.Factory secretBoxes) {

    /** Weave's default port for control (TCP) and sleeve (UDP). */
    public static final int DEFAULT_PORT = 6783;
    /** Weave's default connection limit. */
    public static final int DEFAULT_CONN_LIMIT = 200;
    /** Ethernet's MTU, the usual underlay: overlay MTU 1438 plain, 1414 encrypted, as Weave reports. */
    public static final int DEFAULT_UNDERLAY_MTU = 1500;
    /** The smallest underlay MTU: an encrypted overlay on it still reaches {@link OverlayForwarder#MIN_MTU}. */
    public static final int MIN_UNDERLAY_MTU = OverlayForwarder.MIN_MTU + SleeveChannel.DF_OVERHEAD_ENCRYPTED;
    /** The largest underlay MTU (an IPv4 packet's size limit). */
    public static final int MAX_UNDERLAY_MTU = 65535;

    /** Validates the settings. */
    public RouterConfig {
        if (name.equals(PeerName.UNKNOWN)) {
            throw new IllegalArgumentException("peer name must not be 00:00:00:00:00:00");
        }
        if (uid.value() == 0) {
            throw new IllegalArgumentException("UID must be non-zero");
        }
        if (shortId < 0 || shortId > 4095) {
            throw new IllegalArgumentException("short id must fit 12 bits: " + shortId);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (connLimit < 0) {
            throw new IllegalArgumentException("connection limit must be >= 0 (0 = none): " + connLimit);
        }
        if (maxPeers < 1) {
            throw new IllegalArgumentException("maxPeers must be positive");
        }
        if (underlayMtu < MIN_UNDERLAY_MTU || underlayMtu > MAX_UNDERLAY_MTU) {
            throw new IllegalArgumentException("underlay MTU out of range " + MIN_UNDERLAY_MTU + ".."
                    + MAX_UNDERLAY_MTU + ": " + underlayMtu);
        }
        nickname = nickname == null ? "" : nickname;
        password = password == null ? "" : password;
        overlays = List.copyOf(overlays);
        trustedSubnets = List.copyOf(trustedSubnets);
        secretBoxes = secretBoxes == null ? SecretBoxEngine.JAVA : secretBoxes;
    }

    /** The settings with the pure-Java secretbox ({@link SecretBoxEngine#JAVA}). */
    public RouterConfig(PeerName name, String nickname, PeerUid uid, int shortId, int port, String password,
            int connLimit, boolean discovery, List<String> overlays, List<String> trustedSubnets, int maxPeers,
            Timings timings, int underlayMtu) {
        this(name, nickname, uid, shortId, port, password, connLimit, discovery, overlays, trustedSubnets, maxPeers,
                timings, underlayMtu, SecretBoxEngine.JAVA);
    }

    /** The settings without an explicit underlay MTU: {@link #DEFAULT_UNDERLAY_MTU}. */
    public RouterConfig(PeerName name, String nickname, PeerUid uid, int shortId, int port, String password,
            int connLimit, boolean discovery, List<String> overlays, List<String> trustedSubnets, int maxPeers,
            Timings timings) {
        this(name, nickname, uid, shortId, port, password, connLimit, discovery, overlays, trustedSubnets, maxPeers,
                timings, DEFAULT_UNDERLAY_MTU);
    }

    /** A configuration with Weave's defaults for everything but identity. */
    public static RouterConfig defaults(PeerName name, String nickname, PeerUid uid, int shortId) {
        return new RouterConfig(name, nickname, uid, shortId, DEFAULT_PORT, "", DEFAULT_CONN_LIMIT, true,
                List.of("sleeve"), List.of(), 100_000, Timings.weave());
    }

    /** Same, with another port. */
    public RouterConfig withPort(int newPort) {
        return new RouterConfig(name, nickname, uid, shortId, newPort, password, connLimit, discovery, overlays,
                trustedSubnets, maxPeers, timings, underlayMtu, secretBoxes);
    }

    /** Same, with another password ("" for none). */
    public RouterConfig withPassword(String newPassword) {
        return new RouterConfig(name, nickname, uid, shortId, port, newPassword, connLimit, discovery, overlays,
                trustedSubnets, maxPeers, timings, underlayMtu, secretBoxes);
    }

    /** Same, with another connection limit. */
    public RouterConfig withConnLimit(int limit) {
        return new RouterConfig(name, nickname, uid, shortId, port, password, limit, discovery, overlays,
                trustedSubnets, maxPeers, timings, underlayMtu, secretBoxes);
    }

    /** Same, with discovery on or off. */
    public RouterConfig withDiscovery(boolean on) {
        return new RouterConfig(name, nickname, uid, shortId, port, password, connLimit, on, overlays,
                trustedSubnets, maxPeers, timings, underlayMtu, secretBoxes);
    }

    /** Same, with other trusted subnets. */
    public RouterConfig withTrustedSubnets(List<String> cidrs) {
        return new RouterConfig(name, nickname, uid, shortId, port, password, connLimit, discovery, overlays,
                cidrs, maxPeers, timings, underlayMtu, secretBoxes);
    }

    /** Same, with other timings. */
    public RouterConfig withTimings(Timings t) {
        return new RouterConfig(name, nickname, uid, shortId, port, password, connLimit, discovery, overlays,
                trustedSubnets, maxPeers, t, underlayMtu, secretBoxes);
    }

    /** Same, with another underlay MTU. */
    public RouterConfig withUnderlayMtu(int mtu) {
        return new RouterConfig(name, nickname, uid, shortId, port, password, connLimit, discovery, overlays,
                trustedSubnets, maxPeers, timings, mtu, secretBoxes);
    }

    /** Same, with secretboxes from another engine factory. */
    public RouterConfig withSecretBoxes(SecretBoxEngine.Factory engines) {
        return new RouterConfig(name, nickname, uid, shortId, port, password, connLimit, discovery, overlays,
                trustedSubnets, maxPeers, timings, underlayMtu, engines);
    }

    /** True when a password is set. */
    public boolean encrypted() {
        return !password.isEmpty();
    }
}
