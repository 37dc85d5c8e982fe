package net.weft.sleeve.cli;

import static net.weft.sleeve.host.HostTools.checked;
import static net.weft.sleeve.host.HostTools.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.weft.WeftNames;
import picocli.CommandLine;

/** The commands as a user runs them, on a test bridge (hidden {@code --bridge}). Root only, except usage. */
class PlumbingCommandsTest {

    private final String bridge = HostTools.uniqueName("wfb");
    private String container;

    @AfterEach
    void cleanUp() {
        if (container != null) {
            HostTools.deleteLink(WeftNames.hostEnd(NetworkNamespace.named(container)));
            HostTools.deleteNamespace(container);
        }
        HostTools.deleteLink(bridge);
    }

    @Test
    void attach_ps_expose_detach_and_reset_as_a_user_runs_them() {
        HostTools.assumeRootWithIp();
        container = HostTools.createNamespace();
        String mac = WeftNames.containerMac(NetworkNamespace.named(container)).toString();

        Run attach = weft(new AttachCommand(), "--bridge", bridge, "--peer-name", "02:77:00:00:00:02",
                "10.47.30.2/24", container);
        assertThat(attach.status()).isZero();
        assertThat(attach.out()).isEqualTo(container + " " + mac + " 10.47.30.2/24\n");
        assertThat(checked("ip", "link", "show", bridge)).contains("02:77:00:00:00:02", "mtu 1376");

        assertThat(weft(new PsCommand(), "--bridge", bridge).out())
                .isEqualTo(container + " " + mac + " 10.47.30.2/24\n");
        assertThat(weft(new ExposeCommand(), "--bridge", bridge, "10.47.30.1/24").out())
                .isEqualTo("exposed 10.47.30.1/24 on " + bridge + "\n");
        assertThat(weft(new DetachCommand(), "--bridge", bridge, container).out())
                .isEqualTo("detached " + container + "\n");
        assertThat(weft(new PsCommand(), "--bridge", bridge).out()).isEmpty();

        Run reset = weft(new ResetCommand(), "--bridge", bridge);
        assertThat(reset.out()).contains("removed " + bridge);
        assertThat(run("ip", "link", "show", bridge).exitCode()).isNotZero();
    }

    @Test
    void a_failure_is_one_line_on_stderr_and_exit_status_one() {
        HostTools.assumeRootWithIp();
        String missing = HostTools.uniqueName("wfnone");

        Run attach = weft(new AttachCommand(), "--bridge", bridge, "10.47.31.2/24", missing);

        assertThat(attach.status()).isEqualTo(1);
        assertThat(attach.err()).startsWith("weft: network namespace " + missing + " not found");
        assertThat(attach.out()).isEmpty();
    }

    @Test
    void a_malformed_address_is_a_usage_error() {
        Run attach = weft(new AttachCommand(), "--bridge", bridge, "10.47.31.2", "somewhere");

        assertThat(attach.status()).isEqualTo(2);
        assertThat(attach.err()).contains("not an IPv4 address with prefix length");
    }

    private static Run weft(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private record Run(int status, String out, String err) {
    }
}
