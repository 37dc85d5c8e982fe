package net.weft.daemon;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.weft.core.id.Endpoint;

/**
 * Checks peer strings given by the user ({@code launch} arguments, {@code connect}) before they reach the
 * router, with Weave's wording for bad ones.
 */
public final class PeerAddresses {

    private PeerAddresses() {
    }

    /** The error for {@code peer}, or empty when it is a valid {@code host[:port]}. */
    public static Optional<String> problem(String peer, int defaultPort) {
        Optional<Endpoint> e = Endpoint.parse(peer, defaultPort);
        boolean ok = e.isPresent() && (e.get().host().indexOf(':') < 0 || NetUtil.isValidIpV6Address(e.get().host()))
                && e.get().port() > 0 && e.get().host().chars().noneMatch(Character::isWhitespace);
        return ok ? Optional.empty() : Optional.of("invalid peer name \"" + peer + "\", should be host[:port]");
    }

    /** The errors of every bad peer string, in order. */
    public static List<String> problems(List<String> peers, int defaultPort) {
        List<String> out = new ArrayList<>();
        for (String p : peers) {
            problem(p, defaultPort).ifPresent(out::add);
        }
        return out;
    }
}
