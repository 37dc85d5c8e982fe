package net.weft.sleeve.host.weft;

import static net.weft.sleeve.host.HostTools.checked;
import static net.weft.sleeve.host.HostTools.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.HostNetworkException.Reason;
import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.NamespaceTraffic;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.rtnl.LinkInfo;
import net.weft.sleeve.host.rtnl.Rtnetlink;

/** Containers (namespaces made with {@code ip netns add}) attached to a test bridge. Root only. */
class ContainerPlumbingTest {

    private static final int NAMESPACE_WAIT_ATTEMPTS = 200;
    private static final long NAMESPACE_WAIT_STEP_MS = 25;
    private static final MacAddress PEER_NAME = MacAddress.of("02:77:00:00:00:01");

    private final String bridge = HostTools.uniqueName("wfb");
    private final ContainerPlumbing plumbing = new ContainerPlumbing(bridge);
    private String red;
    private String blue;

    @BeforeEach
    void twoContainers() {
        HostTools.assumeRootWithIp();
        red = HostTools.createNamespace();
        blue = HostTools.createNamespace();
    }

    @AfterEach
    void cleanUp() {
        for (String ns : new String[] {red, blue}) {
            if (ns != null) {
                HostTools.deleteLink(WeftNames.hostEnd(NetworkNamespace.named(ns)));
                HostTools.deleteNamespace(ns);
            }
        }
        HostTools.deleteLink(bridge);
    }

    @Test
    void two_containers_attached_to_one_bridge_reach_each_other() {
        NetworkNamespace r = NetworkNamespace.named(red);
        NetworkNamespace b = NetworkNamespace.named(blue);

        Attachment redAttached = plumbing.attach(r, Ipv4Prefix.of("10.47.3.1/24"), 1376, Optional.of(PEER_NAME));
        plumbing.attach(b, Ipv4Prefix.of("10.47.3.2/24"), 1376, Optional.of(PEER_NAME));

        assertThat(redAttached.mac()).contains(WeftNames.containerMac(r));
        assertThat(NamespaceTraffic.sendAndReceive(r, b, "10.47.3.2", "hello blue")).isEqualTo("hello blue");
        assertThat(NamespaceTraffic.sendAndReceive(b, r, "10.47.3.1", "hello red")).isEqualTo("hello red");
        assertThat(checked("ip", "-n", red, "addr", "show", "ethwe"))
                .contains("mtu 1376", "inet 10.47.3.1/24", WeftNames.containerMac(r).toString(), "UP");
        String bridgeShown = checked("ip", "-d", "link", "show", bridge);
        assertThat(bridgeShown).contains("02:77:00:00:00:01", "mtu 1376", "UP");
        assertThat(checked("ip", "link", "show", WeftNames.hostEnd(r))).contains("master " + bridge, "UP");
    }

    @Test
    void icmp_ping_crosses_the_bridge_when_the_ping_tool_is_installed() {
        assumeTrue(run("ip", "netns", "exec", red, "ping", "-V").exitCode() == 0, "needs ping");
        plumbing.attach(NetworkNamespace.named(red), Ipv4Prefix.of("10.47.4.1/24"), 1376, Optional.empty());
        plumbing.attach(NetworkNamespace.named(blue), Ipv4Prefix.of("10.47.4.2/24"), 1376, Optional.empty());

        assertThat(run("ip", "netns", "exec", red, "ping", "-c", "2", "-W", "5", "10.47.4.2").exitCode()).isZero();
    }

    @Test
    void ps_shows_each_attached_container_with_its_mac_and_address_and_detach_removes_it() {
        NetworkNamespace r = NetworkNamespace.named(red);
        NetworkNamespace b = NetworkNamespace.named(blue);
        plumbing.attach(r, Ipv4Prefix.of("10.47.5.1/24"), 1376, Optional.empty());
        plumbing.attach(b, Ipv4Prefix.of("10.47.5.2/24"), 1376, Optional.empty());

        assertThat(plumbing.list()).containsExactlyInAnyOrder(
                new Attachment(Optional.of(red), WeftNames.hostEnd(r), Optional.of(WeftNames.containerMac(r)),
                        List.of(Ipv4Prefix.of("10.47.5.1/24"))),
                new Attachment(Optional.of(blue), WeftNames.hostEnd(b), Optional.of(WeftNames.containerMac(b)),
                        List.of(Ipv4Prefix.of("10.47.5.2/24"))));

        assertThat(plumbing.detach(r)).isTrue();
        assertThat(plumbing.detach(r)).isFalse();
        assertThat(plumbing.list()).extracting(a -> a.namespace().orElseThrow()).containsExactly(blue);
        assertThat(run("ip", "-n", red, "link", "show", "ethwe").exitCode()).isNotZero();
    }

    @Test
    void a_container_named_by_its_process_id_is_attached_listed_and_detached() throws IOException {
        Process holder = new ProcessBuilder("unshare", "--net", "sleep", "600").start();
        try {
            NetworkNamespace ns = NetworkNamespace.ofProcess(holder.pid());
            awaitOwnNamespace(ns);
            assertThat(WeftNames.hostEnd(ns)).isEqualTo("vethwepl" + holder.pid());

            plumbing.attach(ns, Ipv4Prefix.of("10.47.12.1/24"), 1376, Optional.empty());

            String pid = Long.toString(holder.pid());
            assertThat(checked("nsenter", "-t", pid, "-n", "ip", "addr", "show", "ethwe"))
                    .contains("inet 10.47.12.1/24");
            assertThat(plumbing.list()).extracting(a -> a.namespace().orElseThrow()).containsExactly(pid);
            assertThat(plumbing.detach(ns)).isTrue();
            assertThat(plumbing.list()).isEmpty();
        } finally {
            HostTools.deleteLink("vethwepl" + holder.pid());
            holder.destroyForcibly();
        }
    }

    @Test
    void a_process_sharing_the_host_network_is_refused() {
        NetworkNamespace self = NetworkNamespace.ofProcess(ProcessHandle.current().pid());

        assertThatThrownBy(() -> plumbing.attach(self, Ipv4Prefix.of("10.47.13.1/24"), 1376, Optional.empty()))
                .hasMessageContaining("shares the host's network namespace");
        assertThat(run("ip", "link", "show", WeftNames.hostEnd(self)).exitCode()).isNotZero();
    }

    /** {@code unshare} enters its new namespace just after it starts; wait for that before using it. */
    private static void awaitOwnNamespace(NetworkNamespace ns) {
        for (int i = 0; i < NAMESPACE_WAIT_ATTEMPTS && ns.isCallersNamespace(); i++) {
            try {
                Thread.sleep(NAMESPACE_WAIT_STEP_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(ns.isCallersNamespace()).as("unshare created its namespace").isFalse();
    }

    @Test
    void attaching_again_adds_the_address_but_the_same_address_twice_is_refused() {
        NetworkNamespace r = NetworkNamespace.named(red);
        plumbing.attach(r, Ipv4Prefix.of("10.47.6.1/24"), 1376, Optional.empty());

        Attachment again = plumbing.attach(r, Ipv4Prefix.of("10.47.7.1/24"), 1376, Optional.empty());

        assertThat(again.addresses()).containsExactly(Ipv4Prefix.of("10.47.6.1/24"), Ipv4Prefix.of("10.47.7.1/24"));
        assertThatThrownBy(() -> plumbing.attach(r, Ipv4Prefix.of("10.47.6.1/24"), 1376, Optional.empty()))
                .isInstanceOfSatisfying(HostNetworkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
                .hasMessageContaining("EEXIST");
    }

    @Test
    void attaching_a_namespace_that_does_not_exist_fails_and_leaves_nothing_behind() {
        NetworkNamespace missing = NetworkNamespace.named(HostTools.uniqueName("wfnone"));

        assertThatThrownBy(() -> plumbing.attach(missing, Ipv4Prefix.of("10.47.8.1/24"), 1376, Optional.empty()))
                .isInstanceOfSatisfying(HostNetworkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NAMESPACE_MISSING))
                .hasMessageContaining(missing.label());
        assertThatThrownBy(() -> plumbing.detach(missing)).isInstanceOf(HostNetworkException.class);
        assertThat(run("ip", "link", "show", WeftNames.hostEnd(missing)).exitCode()).isNotZero();
    }

    @Test
    void a_failed_step_inside_the_container_rolls_the_veth_pair_back() {
        checked("ip", "-n", red, "link", "add", "ethwe", "type", "bridge");
        NetworkNamespace r = NetworkNamespace.named(red);

        assertThatThrownBy(() -> plumbing.attach(r, Ipv4Prefix.of("10.47.9.1/24"), 1376, Optional.empty()))
                .hasMessageContaining("rename").hasMessageContaining("EEXIST");
        assertThat(run("ip", "link", "show", WeftNames.hostEnd(r)).exitCode()).isNotZero();
        assertThat(checked("ip", "-n", red, "-o", "link")).doesNotContain(WeftNames.peerEnd(r));
    }

    @Test
    void expose_puts_a_host_address_on_the_bridge_once() {
        assertThat(plumbing.expose(Ipv4Prefix.of("10.47.10.254/24"))).isTrue();
        assertThat(plumbing.expose(Ipv4Prefix.of("10.47.10.254/24"))).isFalse();

        assertThat(checked("ip", "addr", "show", bridge)).contains("inet 10.47.10.254/24", "UP");
    }

    @Test
    void reset_removes_the_bridge_and_weft_links_and_nothing_else() {
        String unrelated = HostTools.uniqueName("wfx");
        checked("ip", "link", "add", unrelated, "type", "bridge");
        try (Rtnetlink host = Rtnetlink.openHost()) {
            plumbing.attach(NetworkNamespace.named(red), Ipv4Prefix.of("10.47.11.1/24"), 1376, Optional.empty());
            host.createVethPair("vethwe" + unrelated, "vethwf" + unrelated.substring(3), Optional.empty(), 1500);

            List<String> removed = plumbing.reset();

            assertThat(removed).contains(bridge, WeftNames.hostEnd(NetworkNamespace.named(red)), "vethwe" + unrelated);
            assertThat(host.links()).extracting(LinkInfo::name)
                    .contains(unrelated, "lo")
                    .doesNotContain(bridge, "vethwe" + unrelated, "vethwf" + unrelated.substring(3));
            assertThat(run("ip", "-n", red, "link", "show", "ethwe").exitCode()).isNotZero();
        } finally {
            HostTools.deleteLink(unrelated);
        }
    }
}
