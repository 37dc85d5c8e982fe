package net.weft.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed reads from a composed YAML node tree that fail with the file and line of the offending node, so a
 * scenario author sees {@code seed-partial-mesh.yaml:14: unknown peer p9}.
 */
final class YamlTree {

    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    ScenarioException error(Node at, String message) {
        return new ScenarioException(file, at == null ? 0 : at.getStartMark().getLine() + 1, message);
    }

    int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    /** The mapping's entries by key, rejecting keys outside {@code allowed} and duplicates. */
    Map<String, Node> mapping(Node n, String what, Set<String> allowed) {
        if (!(n instanceof MappingNode)) {
            throw error(n, what + " must be a mapping");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            String key = scalar(t.getKeyNode(), what + " key");
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        return out;
    }

    boolean isMapping(Node n) {
        return n instanceof MappingNode;
    }

    boolean isSequence(Node n) {
        return n instanceof SequenceNode;
    }

    List<Node> sequence(Node n, String what) {
        if (!(n instanceof SequenceNode)) {
            throw error(n, what + " must be a list");
        }
        return ((SequenceNode) n).getValue();
    }

    String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode)) {
            throw error(n, what + " must be a single value");
        }
        return ((ScalarNode) n).getValue();
    }

    List<String> strings(Node n, String what) {
        List<String> out = new ArrayList<>();
        for (Node item : sequence(n, what)) {
            out.add(scalar(item, what + " item"));
        }
        return out;
    }

    long duration(Node n, String what) {
        String text = scalar(n, what);
        try {
            long ns = Durations.parseNs(text);
            if (ns < 0) {
                throw error(n, what + " must not be negative");
            }
            return ns;
        } catch (IllegalArgumentException e) {
            throw error(n, what + ": " + e.getMessage());
        }
    }

    long integer(Node n, String what) {
        String text = scalar(n, what);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw error(n, what + " must be an integer, not '" + text + "'");
        }
    }

    double probability(Node n, String what) {
        String text = scalar(n, what);
        try {
            double p = Double.parseDouble(text.trim());
            if (!(p >= 0 && p <= 1)) {
                throw error(n, what + " must be within [0, 1]: " + text);
            }
            return p;
        } catch (NumberFormatException e) {
            throw error(n, what + " must be a number, not '" + text + "'");
        }
    }

    boolean bool(Node n, String what) {
        String text = scalar(n, what).trim();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw error(n, what + " must be true or false, not '" + text + "'");
    }
}
