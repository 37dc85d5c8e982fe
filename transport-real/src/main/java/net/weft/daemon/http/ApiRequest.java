package net.weft.daemon.http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request reduced to what the API looks at.
 *
 * @param params query and form parameters, each with its values in order
 */
public record ApiRequest(String method, String path, Map<String, List<String>> params) {

    /** Defensive copy. */
    public ApiRequest {
        params = new TreeMap<>(params);
    }

    /** All values of {@code name}, empty when absent. */
    public List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** True when {@code name} has the value "true" (as Weave's {@code replace=true}). */
    public boolean flag(String name) {
        return all(name).contains("true");
    }
}
