package net.weft.core.conn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.weft.core.id.Endpoint;

/**
 * The user's list of peers to connect to ({@code weave launch <peers>}, {@code weave connect}), kept as
 * typed, in insertion order, each with its parsed address. An entry without a port is stored with port
 * {@value #NO_PORT}, which means "our own port"; the connection maker then also counts an inbound
 * connection from that host as satisfying it (control-plane notes §2.11).
 *
 * <p>Hosts are not resolved here (the core does no I/O): a host name stays a name, so the inbound-IP
 * rule only matches entries given as IP addresses, and the daemon resolves names when it dials.
 */
final class DirectPeers {

    /** Port recorded for an entry typed without one. */
    static final int NO_PORT = 0;
    /** Longest port text we parse (65535). */
    private static final int MAX_PORT_DIGITS = 5;

    private final Map<String, Endpoint> byText = new LinkedHashMap<>();

    /** Weave's error for an entry that is not {@code host[:port]}. */
    static String invalidEntryError(String text) {
        return "invalid peer name " + quote(text) + ", should be host[:port]";
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port} as mesh does with
     * Go's {@code SplitHostPort}; an empty or missing port gives {@link #NO_PORT}. Returns empty when the
     * host is empty or has characters no host or address has, or the port is not a number up to 65535.
     */
    static Optional<Endpoint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String host;
        String port = "";
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                return Optional.empty();
            }
            host = text.substring(1, close);
            port = close + 1 < text.length() ? text.substring(close + 2) : "";
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                return Optional.empty();
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? "" : text.substring(colon + 1);
        }
        if (host.isEmpty() || !host.chars().allMatch(DirectPeers::hostChar)) {
            return Optional.empty();
        }
        if (port.isEmpty()) {
            return Optional.of(new Endpoint(host, NO_PORT));
        }
        if (port.length() > MAX_PORT_DIGITS || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int value = Integer.parseInt(port);
        return value > 65535 ? Optional.empty() : Optional.of(new Endpoint(host, value));
    }

    /**
     * Adds the valid entries (an entry typed again keeps its place), after clearing the list when
     * {@code replace}. Returns the parsed addresses of the added entries, and the errors of invalid ones.
     */
    List<Endpoint> add(List<String> entries, boolean replace, List<String> errors) {
        List<Endpoint> added = new ArrayList<>();
        Map<String, Endpoint> valid = new LinkedHashMap<>();
        for (String entry : entries) {
            Optional<Endpoint> parsed = parse(entry);
            if (parsed.isPresent()) {
                valid.put(entry, parsed.get());
            } else {
                errors.add(invalidEntryError(entry));
            }
        }
        if (replace) {
            byText.clear();
        }
        for (Map.Entry<String, Endpoint> e : valid.entrySet()) {
            byText.put(e.getKey(), e.getValue());
            added.add(e.getValue());
        }
        return added;
    }

    /** Removes entries by their exact text; unknown entries are ignored. */
    void remove(List<String> entries) {
        for (String entry : entries) {
            byText.remove(entry);
        }
    }

    /** The entries as typed, in insertion order. */
    List<String> texts() {
        return List.copyOf(byText.keySet());
    }

    /** The parsed addresses in insertion order; port {@link #NO_PORT} when none was typed. */
    List<Endpoint> addresses() {
        return List.copyOf(byText.values());
    }

    private static boolean hostChar(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '%';
    }

    /** Go's {@code %q} for what a user types: quotes; backslash, quote and control characters escaped. */
    private static String quote(String text) {
        String t = text == null ? "" : text;
        StringBuilder sb = new StringBuilder(t.length() + 2).append('"');
        for (char c : t.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
