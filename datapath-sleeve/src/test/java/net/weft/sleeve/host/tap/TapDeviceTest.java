package net.weft.sleeve.host.tap;

import static net.weft.sleeve.host.HostTools.checked;
import static net.weft.sleeve.host.HostTools.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.frame.ArpFrames;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import net.weft.sleeve.host.weft.WeftNames;

/** The TAP port on a bridge: frames injected reach a container, and its answers are captured. Root only. */
class TapDeviceTest {

    private static final MacAddress INJECTOR_MAC = MacAddress.of("02:00:00:00:00:09");
    private static final Ipv4Prefix INJECTOR_IP = Ipv4Prefix.of("10.47.20.9/32");
    private static final Ipv4Prefix CONTAINER = Ipv4Prefix.of("10.47.20.2/24");

    private final String bridge = HostTools.uniqueName("wfb");
    private final ContainerPlumbing plumbing = new ContainerPlumbing(bridge);
    private String container;

    @BeforeEach
    void requireRoot() {
        HostTools.assumeRootWithIp();
    }

    @AfterEach
    void cleanUp() {
        if (container != null) {
            HostTools.deleteLink(WeftNames.hostEnd(NetworkNamespace.named(container)));
            HostTools.deleteNamespace(container);
        }
        HostTools.deleteLink(bridge);
    }

    @Test
    void an_arp_request_injected_through_the_tap_is_answered_by_the_container_and_captured() {
        container = HostTools.createNamespace();
        NetworkNamespace ns = NetworkNamespace.named(container);
        plumbing.attach(ns, CONTAINER, 1376, Optional.empty());

        try (TapDevice tap = TapDevice.openOnBridge(HostTools.uniqueName("wft"), bridge, 1376)) {
            assertThat(checked("ip", "link", "show", tap.name())).contains("master " + bridge, "mtu 1376", "qlen 10000");
            byte[] request = ArpFrames.request(INJECTOR_MAC, INJECTOR_IP, CONTAINER);

            tap.writeFrame(request, 0, request.length);
            byte[] reply = ArpFrames.awaitReply(tap, INJECTOR_MAC, false);
            assertThat(ArpFrames.senderMac(reply)).isEqualTo(WeftNames.containerMac(ns));
            assertThat(ArpFrames.senderIp(reply).addressText()).isEqualTo("10.47.20.2");

            ByteBuffer direct = ByteBuffer.allocateDirect(request.length).put(request).flip();
            tap.writeFrame(direct);
            assertThat(direct.hasRemaining()).isFalse();
            byte[] second = ArpFrames.awaitReply(tap, INJECTOR_MAC, true);
            assertThat(ArpFrames.senderMac(second)).isEqualTo(WeftNames.containerMac(ns));
        }
    }

    @Test
    void the_kernel_numbers_a_name_pattern_and_the_device_disappears_when_closed() {
        String name;
        try (TapDevice tap = TapDevice.open("wft" + HostTools.uniqueName("") + "%d")) {
            name = tap.name();
            assertThat(name).matches("wft[a-z0-9]{4}0");
            assertThat(checked("ip", "-d", "link", "show", name)).contains("tun type tap");
        }
        assertThat(run("ip", "link", "show", name).exitCode()).isNotZero();
    }

    @Test
    void a_tap_name_already_used_by_another_kind_of_link_is_refused() {
        checked("ip", "link", "add", bridge, "type", "bridge");

        assertThatThrownBy(() -> TapDevice.open(bridge))
                .isInstanceOf(HostNetworkException.class)
                .hasMessageContaining("create TAP device " + bridge);
    }

    @Test
    void waiting_or_reading_with_a_timeout_on_a_tap_that_is_down_returns_without_a_frame() {
        try (TapDevice tap = TapDevice.open(HostTools.uniqueName("wft"))) {
            assertThat(tap.awaitFrame(0)).isFalse();
            assertThat(tap.readFrame(ByteBuffer.allocateDirect(TapDevice.MAX_FRAME_BYTES), 0)).isZero();
        }
    }
}
