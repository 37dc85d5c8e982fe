package net.weft.core.id;

import java.util.Optional;

/**
 * An IP address and port as text ({@code 192.0.2.1:6783}); the core never resolves names, it only
 * compares and prints them. IPv6 hosts are printed in brackets.
 */
public record Endpoint(String host, int port) implements Comparable<Endpoint> {

    /** Validates the port range and that a host is given. */
    public Endpoint {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("endpoint needs a host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Parses {@code host[:port]}; a missing port gives {@code defaultPort}. Returns empty on bad input
     * (empty host, non-numeric or out-of-range port).
     */
    public static Optional<Endpoint> parse(String text, int defaultPort) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        String host;
        String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = t.substring(1, close);
            if (t.length() > close + 1) {
                if (t.charAt(close + 1) != ':') {
                    return Optional.empty();
                }
                port = t.substring(close + 2);
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') == colon) {
                host = t.substring(0, colon);
                port = t.substring(colon + 1);
            } else {
                host = t;
            }
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int p = defaultPort;
        if (port != null) {
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            p = Integer.parseInt(port);
            if (p > 65535) {
                return Optional.empty();
            }
        }
        return Optional.of(new Endpoint(host, p));
    }

    /** The same host with another port. */
    public Endpoint withPort(int newPort) {
        return new Endpoint(host, newPort);
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = host.compareTo(o.host);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
