package net.weft.viz.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and writes scenario files (YAML, docs/scenarios.md) for the viewer: the keys it draws and drives
 * ({@code name, seed, peers, links, network.latency, containers, events, run-for}); other keys are ignored
 * when reading. Writing emits a file in the same format, so events injected by clicking can be replayed with
 * {@code weft sim}.
 */
public final class ScenarioFile {

    private ScenarioFile() {
    }

    /** Reads a scenario file; throws IllegalArgumentException with the reason when it is malformed. */
    public static ScenarioSpec read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** Parses scenario text. */
    public static ScenarioSpec parse(String text, String fallbackName) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a scenario is a YAML mapping");
        }
        String name = m.containsKey("name") ? String.valueOf(m.get("name")) : fallbackName;
        long seed = m.containsKey("seed") ? ((Number) m.get("seed")).longValue() : 1;
        List<String> peers = strings(m.get("peers"), "peers");
        List<List<String>> links = new ArrayList<>();
        for (Object l : list(m.get("links"), "links")) {
            List<String> pair = strings(l, "link");
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a link is a pair of peers: " + l);
            }
            links.add(pair);
        }
        SortedMap<String, List<String>> containers = new TreeMap<>();
        if (m.get("containers") instanceof Map<?, ?> cs) {
            cs.forEach((p, c) -> containers.put(String.valueOf(p), strings(c, "containers")));
        }
        long latency = ScenarioSpec.DEFAULT_LATENCY_NS;
        if (m.get("network") instanceof Map<?, ?> net && net.containsKey("latency")) {
            latency = Durations.parseNs(String.valueOf(net.get("latency")));
        }
        List<ScenarioAction> events = new ArrayList<>();
        for (Object e : list(m.get("events"), "events")) {
            events.add(event(e));
        }
        long runFor = m.containsKey("run-for") ? Durations.parseNs(String.valueOf(m.get("run-for")))
                : ScenarioSpec.DEFAULT_RUN_FOR_NS;
        return new ScenarioSpec(name, seed, peers, links, containers, latency, events, runFor);
    }

    private static ScenarioAction event(Object e) {
        if (!(e instanceof Map<?, ?> em) || !em.containsKey("at") || em.size() != 2) {
            throw new IllegalArgumentException("an event is {at: TIME, ACTION: ARGS}: " + e);
        }
        long at = Durations.parseNs(String.valueOf(em.get("at")));
        for (Map.Entry<?, ?> kv : em.entrySet()) {
            if (!"at".equals(kv.getKey())) {
                return new ScenarioAction(at, String.valueOf(kv.getKey()), kv.getValue());
            }
        }
        throw new IllegalArgumentException("event without action: " + e);
    }

    /** The scenario as YAML text. */
    public static String format(ScenarioSpec s) {
        DumperOptions flow = new DumperOptions();
        flow.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        flow.setWidth(Integer.MAX_VALUE);
        Yaml y = new Yaml(flow);
        StringBuilder out = new StringBuilder();
        out.append("# Written by weft viz: the scenario with the events injected in the viewer.\n");
        out.append("name: ").append(y.dump(s.name()).trim()).append('\n');
        out.append("seed: ").append(s.seed()).append('\n');
        out.append("peers: ").append(y.dump(s.peers()).trim()).append('\n');
        out.append("links:\n");
        for (List<String> l : s.links()) {
            out.append("  - ").append(y.dump(l).trim()).append('\n');
        }
        out.append("network: {latency: ").append(Durations.format(s.latencyNs())).append("}\n");
        if (!s.containers().isEmpty()) {
            out.append("containers: ").append(y.dump(new LinkedHashMap<>(s.containers())).trim()).append('\n');
        }
        out.append(s.events().isEmpty() ? "events: []\n" : "events:\n");
        for (ScenarioAction a : s.events()) {
            out.append("  - {at: ").append(Durations.format(a.atNs())).append(", ").append(a.kind()).append(": ")
                    .append(y.dump(a.value()).trim()).append("}\n");
        }
        out.append("run-for: ").append(Durations.format(s.runForNs())).append('\n');
        return out.toString();
    }

    /** Writes the scenario to {@code file}. */
    public static void write(ScenarioSpec s, Path file) throws IOException {
        Files.writeString(file, format(s), StandardCharsets.UTF_8);
    }

    private static List<?> list(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list: " + o);
        }
        return l;
    }

    private static List<String> strings(Object o, String what) {
        return list(o, what).stream().map(String::valueOf).toList();
    }
}
