package net.weft.daemon;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import net.weft.sleeve.host.sodium.CryptoEngineChoice;

/**
 * How to run one daemon, as parsed from {@code weft launch}.
 *
 * @param name           the peer name flag, empty to derive it from the host
 * @param nickname       the nickname, empty for the host name
 * @param port           TCP and UDP port of the router
 * @param password       shared secret, empty for none
 * @param connLimit      maximum connections, 0 for none
 * @param discovery      dial peers learned from the topology
 * @param trustedSubnets CIDRs whose peers need no data-plane encryption
 * @param httpAddress    control API address
 * @param statusAddress  read-only status and metrics address
 * @param mtu            MTU of the host network under the overlay, 0 for the default (1500)
 * @param peers          initial direct targets
 * @param cryptoEngine   which secretbox seals and opens encrypted sleeve packets ({@code --crypto-engine})
 */
public record DaemonSettings(Optional<String> name, String nickname, int port, String password, int connLimit,
        boolean discovery, List<String> trustedSubnets, InetSocketAddress httpAddress,
        InetSocketAddress statusAddress, int mtu, List<String> peers, CryptoEngineChoice cryptoEngine) {

    /** The settings with {@link CryptoEngineChoice#AUTO}: libsodium when it loads, else the Java secretbox. */
    public DaemonSettings(Optional<String> name, String nickname, int port, String password, int connLimit,
            boolean discovery, List<String> trustedSubnets, InetSocketAddress httpAddress,
            InetSocketAddress statusAddress, int mtu, List<String> peers) {
        this(name, nickname, port, password, connLimit, discovery, trustedSubnets, httpAddress, statusAddress, mtu,
                peers, CryptoEngineChoice.AUTO);
    }

    /** Defensive copies; null text becomes empty. */
    public DaemonSettings {
        nickname = nickname == null ? "" : nickname;
        password = password == null ? "" : password;
        trustedSubnets = List.copyOf(trustedSubnets);
        peers = List.copyOf(peers);
        cryptoEngine = cryptoEngine == null ? CryptoEngineChoice.AUTO : cryptoEngine;
    }
}
