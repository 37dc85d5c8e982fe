package net.weft.sleeve.cli;

import java.io.PrintWriter;
import java.util.Optional;

import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code weft attach CIDR NETNS|PID}: connects a container's network namespace to the Weft bridge. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach a container to the Weft network: a veth pair whose container end is 'ethwe'",
                "with the given address, and whose host end is a port of the 'weft' bridge",
                "(created if absent). Attaching an attached container adds the address."})
public final class AttachCommand extends PlumbingCommand {

    @Parameters(index = "0", paramLabel = "CIDR", description = "Address for ethwe, e.g. 10.32.0.5/12.")
    String cidr;

    @Parameters(index = "1", paramLabel = "NETNS|PID",
            description = "A named network namespace (/var/run/netns/NAME) or a container's process id.")
    String namespace;

    @Option(names = "--mtu", defaultValue = "" + ContainerPlumbing.DEFAULT_MTU,
            description = "MTU of ethwe and of the bridge if created (default: ${DEFAULT-VALUE}).")
    int mtu;

    @Option(names = "--peer-name", paramLabel = "MAC",
            description = "This peer's name; becomes the bridge's MAC if the bridge is created.")
    String peerName;

    @Override
    int execute(ContainerPlumbing plumbing, PrintWriter out) {
        Optional<MacAddress> bridgeMac = Optional.empty();
        if (peerName != null) {
            PeerName name = PeerName.parse(peerName).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "invalid peer name: " + peerName));
            bridgeMac = Optional.of(new MacAddress(name.value()));
        }
        out.println(Format.attachment(plumbing.attach(NetworkNamespace.parse(namespace), cidr(cidr), mtu, bridgeMac)));
        return EXIT_OK;
    }
}
