package net.weft.scenarios;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.weft.core.Timings;
import net.weft.sim.LinkParams;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario file (format in docs/scenarios.md) into a validated {@link Scenario}. Every error names
 * the file and line: unknown keys, unknown peers or containers, bad durations, probabilities out of range.
 */
public final class ScenarioParser {

    /** Largest generated peer count accepted. */
    public static final int MAX_PEERS = 100_000;
    /** Default run length after the last event when {@code run-for} is absent. */
    public static final long DEFAULT_TAIL_NS = 60_000_000_000L;

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "seed", "peers", "links", "network",
            "timings", "discovery", "password", "passwords", "containers", "events", "run-for", "expect");
    private static final Set<String> NETWORK_KEYS = Set.of("latency", "jitter", "loss", "duplicate", "reorder", "mtu");

    private final YamlTree y;
    private final String file;

    private ScenarioParser(String file) {
        this.file = file;
        this.y = new YamlTree(file);
    }

    /** Loads and parses {@code path}. */
    public static Scenario load(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    }

    /** Parses scenario text; {@code file} names it in messages. */
    public static Scenario parse(String text, String file) {
        return new ScenarioParser(file).parseText(text);
    }

    private Scenario parseText(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ScenarioException(file, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ScenarioException(file, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ScenarioException(file, 0, "empty scenario");
        }
        Map<String, Node> top = y.mapping(root, "scenario", TOP_KEYS);
        String name = top.containsKey("name") ? y.scalar(top.get("name"), "name") : baseName(file);
        Long seed = top.containsKey("seed") ? y.integer(top.get("seed"), "seed") : null;
        if (!top.containsKey("peers")) {
            throw y.error(root, "missing 'peers'");
        }
        List<String> peers = peers(top.get("peers"));
        LinkSpec links = top.containsKey("links") ? links(top.get("links"), peers) : new LinkSpec.Full();
        LinkParams network = top.containsKey("network") ? network(top.get("network")) : LinkParams.defaults();
        Map<String, Long> timings = top.containsKey("timings") ? timings(top.get("timings")) : Map.of();
        boolean discovery = !top.containsKey("discovery") || y.bool(top.get("discovery"), "discovery");
        String password = top.containsKey("password") ? y.scalar(top.get("password"), "password") : "";
        Set<String> known = new LinkedHashSet<>(peers);
        Map<String, String> passwords = top.containsKey("passwords") ? passwords(top.get("passwords"), known)
                : Map.of();
        Map<String, List<String>> containers = top.containsKey("containers")
                ? containers(top.get("containers"), known) : Map.of();
        Set<String> containerNames = new LinkedHashSet<>();
        containers.values().forEach(containerNames::addAll);
        EventParser events = new EventParser(y, known, containerNames);
        List<ScenarioEvent> list = top.containsKey("events") ? events.events(top.get("events")) : List.of();
        list = new ArrayList<>(list);
        list.sort(Comparator.comparingLong(ScenarioEvent::atNs));
        long lastNs = list.isEmpty() ? 0 : list.get(list.size() - 1).atNs();
        long runFor = top.containsKey("run-for") ? y.duration(top.get("run-for"), "run-for") : lastNs + DEFAULT_TAIL_NS;
        if (runFor < lastNs) {
            throw y.error(top.get("run-for"), "run-for (" + Durations.format(runFor)
                    + ") ends before the last event at " + Durations.format(lastNs));
        }
        List<Expectation> expect = top.containsKey("expect") ? events.expectations(top.get("expect")) : List.of();
        return new Scenario(name, file, seed, peers, links, network, timings, discovery, containers, list, runFor,
                expect, password, passwords);
    }

    private static String baseName(String file) {
        String f = file == null ? "scenario" : Path.of(file).getFileName().toString();
        return f.endsWith(".yaml") ? f.substring(0, f.length() - 5) : f;
    }

    private List<String> peers(Node n) {
        List<String> out = new ArrayList<>();
        if (y.isMapping(n)) {
            Map<String, Node> m = y.mapping(n, "peers", Set.of("count", "prefix"));
            if (!m.containsKey("count")) {
                throw y.error(n, "peers needs 'count'");
            }
            long count = y.integer(m.get("count"), "peers.count");
            if (count < 1 || count > MAX_PEERS) {
                throw y.error(m.get("count"), "peers.count must be within 1.." + MAX_PEERS);
            }
            String prefix = m.containsKey("prefix") ? y.scalar(m.get("prefix"), "peers.prefix") : "p";
            for (int i = 1; i <= count; i++) {
                out.add(prefix + i);
            }
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Node item : y.sequence(n, "peers")) {
            String p = y.scalar(item, "peer name");
            if (!seen.add(p)) {
                throw y.error(item, "peer " + p + " listed twice");
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw y.error(n, "peers must not be empty");
        }
        return out;
    }

    private LinkSpec links(Node n, List<String> peers) {
        if (y.isMapping(n)) {
            Map<String, Node> m = y.mapping(n, "links", Set.of("random", "ring", "line", "star", "full"));
            if (m.size() != 1) {
                throw y.error(n, "links takes exactly one of random, ring, line, star, full");
            }
            String kind = m.keySet().iterator().next();
            Node v = m.get(kind);
            if (kind.equals("random")) {
                Map<String, Node> r = y.mapping(v, "links.random", Set.of("degree"));
                long degree = r.containsKey("degree") ? y.integer(r.get("degree"), "links.random.degree") : 3;
                if (degree < 1) {
                    throw y.error(v, "links.random.degree must be >= 1");
                }
                return new LinkSpec.Random((int) degree);
            }
            if (!y.bool(v, "links." + kind)) {
                throw y.error(v, "links." + kind + " must be true");
            }
            return kind.equals("ring") ? new LinkSpec.Ring() : kind.equals("line") ? new LinkSpec.Line()
                    : kind.equals("star") ? new LinkSpec.Star() : new LinkSpec.Full();
        }
        Set<String> known = Set.copyOf(peers);
        List<List<String>> pairs = new ArrayList<>();
        for (Node item : y.sequence(n, "links")) {
            List<String> pair = y.strings(item, "link");
            if (pair.size() != 2 || pair.get(0).equals(pair.get(1))) {
                throw y.error(item, "a link is a pair of two different peers");
            }
            for (String p : pair) {
                if (!known.contains(p)) {
                    throw y.error(item, "unknown peer " + p + " in link");
                }
            }
            pairs.add(pair);
        }
        return new LinkSpec.Explicit(pairs);
    }

    private LinkParams network(Node n) {
        Map<String, Node> m = y.mapping(n, "network", NETWORK_KEYS);
        LinkParams d = LinkParams.defaults();
        long latency = m.containsKey("latency") ? y.duration(m.get("latency"), "network.latency") : d.latencyNs();
        long jitter = m.containsKey("jitter") ? y.duration(m.get("jitter"), "network.jitter") : d.jitterNs();
        double loss = m.containsKey("loss") ? y.probability(m.get("loss"), "network.loss") : 0;
        double dup = m.containsKey("duplicate") ? y.probability(m.get("duplicate"), "network.duplicate") : 0;
        double reorder = m.containsKey("reorder") ? y.probability(m.get("reorder"), "network.reorder") : 0;
        long mtu = m.containsKey("mtu") ? y.integer(m.get("mtu"), "network.mtu") : d.mtu();
        if (mtu < 576 || mtu > 65535) {
            throw y.error(m.get("mtu"), "network.mtu must be within 576..65535");
        }
        return new LinkParams(latency, jitter, loss, dup, reorder, (int) mtu);
    }

    private Map<String, Long> timings(Node n) {
        Set<String> allowed = TimingsOverride.names();
        Map<String, Node> m = y.mapping(n, "timings", allowed);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            out.put(e.getKey(), y.duration(e.getValue(), "timings." + e.getKey()));
        }
        TimingsOverride.apply(Timings.weave(), out);
        return out;
    }

    private Map<String, String> passwords(Node n, Set<String> peers) {
        Map<String, Node> m = y.mapping(n, "passwords", peers);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            out.put(e.getKey(), y.scalar(e.getValue(), "password of " + e.getKey()));
        }
        return out;
    }

    private Map<String, List<String>> containers(Node n, Set<String> peers) {
        Map<String, Node> m = y.mapping(n, "containers", peers);
        Map<String, List<String>> out = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            List<String> names = y.strings(e.getValue(), "containers of " + e.getKey());
            for (String c : names) {
                if (!seen.add(c)) {
                    throw y.error(e.getValue(), "container " + c + " defined twice");
                }
            }
            out.put(e.getKey(), names);
        }
        return out;
    }
}
