package net.weft.sleeve.host.rtnl;

import static net.weft.sleeve.host.HostTools.checked;
import static net.weft.sleeve.host.HostTools.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.HostNetworkException.Reason;
import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.netns.NetworkNamespace;

/** Link and address operations against the real kernel, checked with {@code ip}. Runs as root only. */
class RtnetlinkTest {

    /** Enough links that their dump (about 1 KiB each) needs several datagrams of at most 32 KiB. */
    private static final int MANY_LINKS = 120;
    private static final MacAddress BRIDGE_MAC = MacAddress.of("02:12:34:56:78:9a");

    private final String bridge = HostTools.uniqueName("wfb");
    private final String hostEnd = HostTools.uniqueName("wfv");
    private final String peerEnd = HostTools.uniqueName("wfv");
    private String namespace;
    private Rtnetlink host;

    @BeforeEach
    void setUp() {
        HostTools.assumeRootWithIp();
        host = Rtnetlink.openHost();
    }

    @AfterEach
    void cleanUp() {
        if (host != null) {
            host.close();
        }
        HostTools.deleteLink(hostEnd);
        HostTools.deleteLink(peerEnd);
        HostTools.deleteLink(bridge);
        HostTools.deleteNamespace(namespace);
    }

    @Test
    void a_bridge_is_created_with_its_mac_and_mtu_brought_up_listed_and_deleted() {
        host.createBridge(bridge, Optional.of(BRIDGE_MAC), 1376);
        host.setUp(bridge, true);

        LinkInfo info = host.link(bridge);
        assertThat(info.kind()).isEqualTo("bridge");
        assertThat(info.mac()).contains(BRIDGE_MAC);
        assertThat(info.mtu()).isEqualTo(1376);
        assertThat(info.up()).isTrue();
        assertThat(host.links()).extracting(LinkInfo::name).contains(bridge, "lo");
        String shown = checked("ip", "-d", "link", "show", bridge);
        assertThat(shown).contains("mtu 1376", "02:12:34:56:78:9a", "UP", "bridge");

        host.deleteLink(bridge);
        assertThat(host.findLink(bridge)).isEmpty();
        assertThat(run("ip", "link", "show", bridge).exitCode()).isNotZero();
    }

    @Test
    void creating_a_link_whose_name_is_taken_fails_with_eexist() {
        host.createBridge(bridge, Optional.empty(), 1500);

        assertThatThrownBy(() -> host.createBridge(bridge, Optional.empty(), 1500))
                .isInstanceOfSatisfying(HostNetworkException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS);
                    assertThat(e.errno()).isEqualTo(17);
                })
                .hasMessageContaining("create bridge " + bridge).hasMessageContaining("EEXIST");
    }

    @Test
    void a_veth_end_moves_into_a_namespace_is_renamed_addressed_and_up_while_the_host_end_joins_the_bridge() {
        namespace = HostTools.createNamespace();
        NetworkNamespace ns = NetworkNamespace.named(namespace);
        MacAddress peerMac = MacAddress.of("02:aa:bb:cc:dd:ee");
        host.createBridge(bridge, Optional.empty(), 1376);
        host.createVethPair(hostEnd, peerEnd, Optional.of(peerMac), 1376);

        host.moveToNamespace(peerEnd, ns);
        try (Rtnetlink inside = Rtnetlink.openInside(ns)) {
            inside.rename(peerEnd, "ethwe");
            inside.setMtu("ethwe", 1300);
            inside.addIpv4Address("ethwe", Ipv4Prefix.of("10.47.1.2/24"));
            inside.setUp("ethwe", true);
            assertThat(inside.ipv4Addresses("ethwe")).containsExactly(Ipv4Prefix.of("10.47.1.2/24"));
            assertThat(inside.link("ethwe").linkIndex()).isEqualTo(host.link(hostEnd).index());
        }
        host.setMaster(hostEnd, bridge);
        host.setUp(hostEnd, true);

        assertThat(host.findLink(peerEnd)).isEmpty();
        String inside = checked("ip", "-n", namespace, "addr", "show", "ethwe");
        assertThat(inside).contains("mtu 1300", "02:aa:bb:cc:dd:ee", "inet 10.47.1.2/24 brd 10.47.1.255", "UP");
        assertThat(checked("ip", "link", "show", hostEnd)).contains("master " + bridge);
        assertThat(host.link(hostEnd).isPortOf(host.link(bridge).index())).isTrue();
    }

    @Test
    void a_dump_spanning_several_datagrams_lists_every_link() {
        namespace = HostTools.createNamespace();
        try (Rtnetlink inside = Rtnetlink.openInside(NetworkNamespace.named(namespace))) {
            for (int i = 0; i < MANY_LINKS; i++) {
                inside.createBridge("wfmany" + i, Optional.empty(), 1500);
            }

            assertThat(inside.links()).extracting(LinkInfo::name).hasSize(MANY_LINKS + 1).contains("lo", "wfmany0",
                    "wfmany" + (MANY_LINKS - 1));
        }
        assertThat(checked("ip", "-n", namespace, "-o", "link").lines()).hasSize(MANY_LINKS + 1);
    }

    @Test
    void moving_into_a_namespace_that_does_not_exist_says_so() {
        host.createVethPair(hostEnd, peerEnd, Optional.empty(), 1500);
        NetworkNamespace missing = NetworkNamespace.named(HostTools.uniqueName("wfnone"));

        assertThatThrownBy(() -> host.moveToNamespace(peerEnd, missing))
                .isInstanceOfSatisfying(HostNetworkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NAMESPACE_MISSING))
                .hasMessageContaining("network namespace " + missing.label() + " not found");
        assertThatThrownBy(() -> Rtnetlink.openInside(missing)).isInstanceOf(HostNetworkException.class);
    }

    @Test
    void adding_an_address_twice_fails_with_eexist() {
        host.createBridge(bridge, Optional.empty(), 1500);
        host.addIpv4Address(bridge, Ipv4Prefix.of("10.47.2.1/24"));

        assertThatThrownBy(() -> host.addIpv4Address(bridge, Ipv4Prefix.of("10.47.2.1/24")))
                .isInstanceOfSatisfying(HostNetworkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
                .hasMessageContaining("add address 10.47.2.1/24 to " + bridge).hasMessageContaining("EEXIST");
    }

    @Test
    void operating_on_a_link_that_does_not_exist_fails_with_not_found() {
        assertThat(host.findLink(bridge)).isEmpty();

        assertThatThrownBy(() -> host.deleteLink(bridge))
                .isInstanceOfSatisfying(HostNetworkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessageContaining("delete link " + bridge).hasMessageContaining("ENODEV");
        assertThatThrownBy(() -> host.setMaster(hostEnd, bridge))
                .hasMessageContaining("no link named " + bridge);
    }

    @Test
    void a_request_the_kernel_rejects_reports_its_errno_and_the_kernels_own_words() {
        host.createBridge(bridge, Optional.empty(), 1500);

        assertThatThrownBy(() -> host.setMtu(bridge, 10))
                .isInstanceOfSatisfying(HostNetworkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
                .hasMessageContaining("set MTU 10 on " + bridge).hasMessageContaining("EINVAL");
    }
}
