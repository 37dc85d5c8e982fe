package net.weft.daemon.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft connect [--replace] PEER...}: adds direct targets. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connect to more peers (host[:port]); --replace forgets the current targets first.")
public final class ConnectCommand extends ApiVerb {

    @Option(names = "--replace", description = "Replace the current targets instead of adding to them.")
    boolean replace;

    @Parameters(arity = "0..*", paramLabel = "PEER")
    List<String> peers = new ArrayList<>();

    @Override
    int run(ApiClient client) throws IOException {
        Map<String, List<String>> form = new TreeMap<>();
        form.put("peer", peers);
        if (replace) {
            form.put("replace", List.of("true"));
        }
        return print(client.post("/connect", form));
    }
}
