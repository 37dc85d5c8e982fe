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
import net.weft.core.rng.SplitMix64;
import net.weft.scenarios.Scenario;
import net.weft.scenarios.ScenarioParser;
import net.weft.scenarios.Topologies;
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

    /**
     * The random stream {@code weft sim} draws generated topologies from (ScenarioRunner's), so the viewer shows
     * the very mesh {@code weft sim} runs for the same seed.
     */
    public static final long TOPOLOGY_STREAM = 0x7090L;

    /**
     * Reads a scenario file, validated by the simulator's own parser; {@code seedOverride} (or null for the
     * file's seed) decides generated topologies. Throws {@link net.weft.scenarios.ScenarioException} with the
     * line and reason when the file is malformed.
     */
    public static ScenarioSpec read(Path file, Long seedOverride) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), seedOverride);
    }

    /** Parses scenario text, as {@link #read}. */
    public static ScenarioSpec parse(String text, String file, Long seedOverride) {
        Scenario sc = ScenarioParser.parse(text, file);
        long seed = sc.seedOr(seedOverride);
        List<List<String>> links = new ArrayList<>();
        for (String[] pair : Topologies.pairs(sc.links(), sc.peers(), new SplitMix64(seed).fork(TOPOLOGY_STREAM))) {
            links.add(List.of(pair[0], pair[1]));
        }
        SortedMap<String, List<String>> containers = new TreeMap<>(sc.containers());
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        List<ScenarioAction> events = new ArrayList<>();
        if (root instanceof Map<?, ?> m) {
            for (Object e : list(m.get("events"), "events")) {
                events.add(event(e));
            }
        }
        return new ScenarioSpec(sc.name(), seed, sc.peers(), links, containers, sc.network(), sc.discovery(), events,
                sc.runForNs());
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
        out.append("network: {latency: ").append(Durations.format(s.network().latencyNs())).append(", loss: ")
                .append(s.network().loss()).append("}\n");
        if (!s.discovery()) {
            out.append("discovery: false\n");
        }
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

}
