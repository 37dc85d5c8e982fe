package net.weft.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code events} and {@code expect} lists of a scenario, checking every peer and container named. */
final class EventParser {

    /** Event kinds and what each takes. */
    static final Set<String> EVENT_KINDS = Set.of("cut", "heal", "partition", "block", "heal-all", "crash", "restart",
            "pause", "resume", "join", "leave", "network", "ping", "churn");
    /** Expectation kinds. */
    static final Set<String> EXPECT_KINDS = Set.of("converged-within", "converged", "reachable", "unreachable",
            "next-hop", "no-loops", "mtu", "fragmentation-needed");
    /** The smallest echo a ping may send: IPv4 and ICMP headers. */
    static final long MIN_PING_BYTES = 28;
    /** The largest IPv4 packet. */
    static final long MAX_PING_BYTES = 65535;

    /** {@code crash: all} / {@code restart: all} act on every peer at once. */
    static final String ALL = "all";

    private static final long DEFAULT_PING_COUNT = 3;

    private final YamlTree y;
    private final Set<String> peers;
    private final Set<String> containers;

    EventParser(YamlTree y, Set<String> peers, Set<String> containers) {
        this.y = y;
        this.peers = peers;
        this.containers = containers;
    }

    List<ScenarioEvent> events(Node n) {
        List<ScenarioEvent> out = new ArrayList<>();
        Set<String> allowed = new java.util.HashSet<>(EVENT_KINDS);
        allowed.add("at");
        for (Node item : y.sequence(n, "events")) {
            Map<String, Node> m = y.mapping(item, "event", allowed);
            if (!m.containsKey("at")) {
                throw y.error(item, "event needs 'at'");
            }
            long at = y.duration(m.get("at"), "at");
            m.remove("at");
            if (m.size() != 1) {
                throw y.error(item, "an event has exactly one action besides 'at' (one of "
                        + String.join(", ", new java.util.TreeSet<>(EVENT_KINDS)) + ")");
            }
            String kind = m.keySet().iterator().next();
            out.add(new ScenarioEvent(at, kind, eventArgs(kind, m.get(kind)), y.line(item)));
        }
        return out;
    }

    private Map<String, Object> eventArgs(String kind, Node v) {
        Map<String, Object> a = new LinkedHashMap<>();
        switch (kind) {
            case "cut":
            case "heal":
                List<String> pair = y.strings(v, kind);
                if (pair.size() != 2) {
                    throw y.error(v, kind + " takes a pair of peers");
                }
                pair.forEach(p -> peer(v, p));
                a.put("peers", pair);
                break;
            case "partition":
                List<List<String>> groups = new ArrayList<>();
                for (Node g : y.sequence(v, "partition")) {
                    List<String> group = y.strings(g, "partition group");
                    group.forEach(p -> peer(g, p));
                    groups.add(group);
                }
                a.put("groups", groups);
                break;
            case "block":
                Map<String, Node> b = y.mapping(v, "block", Set.of("from", "to"));
                for (String side : List.of("from", "to")) {
                    if (!b.containsKey(side)) {
                        throw y.error(v, "block needs '" + side + "'");
                    }
                    List<String> group = y.strings(b.get(side), "block." + side);
                    group.forEach(p -> peer(b.get(side), p));
                    a.put(side, group);
                }
                break;
            case "heal-all":
                if (!y.bool(v, "heal-all")) {
                    throw y.error(v, "heal-all must be true");
                }
                break;
            case "crash":
            case "restart":
                String target = y.scalar(v, kind);
                a.put("peer", target.equals(ALL) ? ALL : peer(v, target));
                break;
            case "pause":
            case "resume":
            case "leave":
                a.put("peer", peer(v, y.scalar(v, kind)));
                break;
            default:
                otherEventArgs(kind, v, a);
        }
        return a;
    }

    private void otherEventArgs(String kind, Node v, Map<String, Object> a) {
        if (kind.equals("join")) {
            Map<String, Node> j = y.mapping(v, "join", Set.of("peer", "links"));
            if (!j.containsKey("peer")) {
                throw y.error(v, "join needs 'peer'");
            }
            String p = y.scalar(j.get("peer"), "join.peer");
            List<String> links = j.containsKey("links") ? y.strings(j.get("links"), "join.links") : List.of();
            links.forEach(l -> peer(v, l));
            peers.add(p);
            a.put("peer", p);
            a.put("links", links);
        } else if (kind.equals("network")) {
            Map<String, Node> m = y.mapping(v, "network", Set.of("latency", "loss"));
            if (m.containsKey("latency")) {
                a.put("latency", y.duration(m.get("latency"), "network.latency"));
            }
            if (m.containsKey("loss")) {
                a.put("loss", y.probability(m.get("loss"), "network.loss"));
            }
        } else if (kind.equals("ping")) {
            Map<String, Node> m = y.mapping(v, "ping", Set.of("from", "to", "count", "size", "df"));
            a.put("from", container(m, v, "from"));
            a.put("to", container(m, v, "to"));
            a.put("count", m.containsKey("count") ? y.integer(m.get("count"), "ping.count") : DEFAULT_PING_COUNT);
            echoShape(m, "ping", a);
        } else {
            Map<String, Node> m = y.mapping(v, "churn", Set.of("peers", "down-for"));
            a.put("peers", m.containsKey("peers") ? y.integer(m.get("peers"), "churn.peers") : 1L);
            a.put("down-for", m.containsKey("down-for") ? y.duration(m.get("down-for"), "churn.down-for") : 0L);
        }
    }

    List<Expectation> expectations(Node n) {
        List<Expectation> out = new ArrayList<>();
        for (Node item : y.sequence(n, "expect")) {
            Map<String, Node> m = y.mapping(item, "expectation", EXPECT_KINDS);
            if (m.size() != 1) {
                throw y.error(item, "an expectation has exactly one kind");
            }
            String kind = m.keySet().iterator().next();
            Node v = m.get(kind);
            Map<String, Object> a = new LinkedHashMap<>();
            if (kind.equals("converged-within")) {
                a.put("within", y.duration(v, kind));
            } else if (kind.equals("converged") || kind.equals("no-loops")) {
                a.put("value", y.bool(v, kind));
            } else if (kind.equals("next-hop")) {
                Map<String, Node> h = y.mapping(v, kind, Set.of("at", "to", "via", "time"));
                for (String k : List.of("at", "to", "via")) {
                    if (!h.containsKey(k)) {
                        throw y.error(v, "next-hop needs '" + k + "'");
                    }
                    a.put(k, peer(h.get(k), y.scalar(h.get(k), "next-hop." + k)));
                }
                if (h.containsKey("time")) {
                    a.put("time", y.duration(h.get("time"), "next-hop.time"));
                }
            } else if (kind.equals("mtu")) {
                mtuArgs(v, a);
            } else {
                probeArgs(kind, v, a);
            }
            out.add(new Expectation(kind, a, y.line(item)));
        }
        return out;
    }

    /** {@code mtu: {at: p1, to: p2, is: 1338, time: 30s}}. */
    private void mtuArgs(Node v, Map<String, Object> a) {
        Map<String, Node> h = y.mapping(v, "mtu", Set.of("at", "to", "is", "time"));
        for (String k : List.of("at", "to", "is")) {
            if (!h.containsKey(k)) {
                throw y.error(v, "mtu needs '" + k + "'");
            }
        }
        a.put("at", peer(h.get("at"), y.scalar(h.get("at"), "mtu.at")));
        a.put("to", peer(h.get("to"), y.scalar(h.get("to"), "mtu.to")));
        a.put("is", y.integer(h.get("is"), "mtu.is"));
        if (h.containsKey("time")) {
            a.put("time", y.duration(h.get("time"), "mtu.time"));
        }
    }

    /**
     * reachable / unreachable / fragmentation-needed: a probe of pings from one container to another (the last
     * always with DF, so it takes no {@code df}).
     */
    private void probeArgs(String kind, Node v, Map<String, Object> a) {
        boolean fragNeeded = kind.equals("fragmentation-needed");
        Map<String, Node> r = y.mapping(v, kind, fragNeeded ? Set.of("from", "to", "at", "size", "mtu")
                : Set.of("from", "to", "at", "size", "df"));
        a.put("from", container(r, v, "from"));
        a.put("to", container(r, v, "to"));
        if (r.containsKey("at")) {
            a.put("at", y.duration(r.get("at"), kind + ".at"));
        }
        if (fragNeeded) {
            for (String k : List.of("size", "mtu")) {
                if (!r.containsKey(k)) {
                    throw y.error(v, kind + " needs '" + k + "'");
                }
            }
            a.put("mtu", y.integer(r.get("mtu"), kind + ".mtu"));
        }
        echoShape(r, kind, a);
    }

    /** The optional {@code size} (IP bytes of each echo) and {@code df} (don't-fragment flag) of pings. */
    private void echoShape(Map<String, Node> m, String kind, Map<String, Object> a) {
        if (m.containsKey("size")) {
            long size = y.integer(m.get("size"), kind + ".size");
            if (size < MIN_PING_BYTES || size > MAX_PING_BYTES) {
                throw y.error(m.get("size"), kind + ".size must be within " + MIN_PING_BYTES + ".." + MAX_PING_BYTES);
            }
            a.put("size", size);
        }
        if (m.containsKey("df")) {
            a.put("df", y.bool(m.get("df"), kind + ".df"));
        }
    }

    private String peer(Node at, String name) {
        if (!peers.contains(name)) {
            throw y.error(at, "unknown peer " + name);
        }
        return name;
    }

    private String container(Map<String, Node> m, Node at, String key) {
        if (!m.containsKey(key)) {
            throw y.error(at, "needs '" + key + "'");
        }
        String c = y.scalar(m.get(key), key);
        if (!containers.contains(c)) {
            throw y.error(m.get(key), "unknown container " + c);
        }
        return c;
    }
}
