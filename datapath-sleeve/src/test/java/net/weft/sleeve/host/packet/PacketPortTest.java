package net.weft.sleeve.host.packet;

import static net.weft.sleeve.host.HostTools.checked;
import static net.weft.sleeve.host.HostTools.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.frame.ArpFrames;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import net.weft.sleeve.host.weft.WeftNames;

/** The AF_PACKET port on a veth pair: the same ARP exchange as through a TAP. Root only. */
class PacketPortTest {

    private static final MacAddress INJECTOR_MAC = MacAddress.of("02:00:00:00:00:0a");
    private static final Ipv4Prefix INJECTOR_IP = Ipv4Prefix.of("10.47.21.10/32");
    private static final Ipv4Prefix CONTAINER = Ipv4Prefix.of("10.47.21.2/24");

    private final String bridge = HostTools.uniqueName("wfb");
    private final String bridgeEnd = HostTools.uniqueName("wfpb");
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
        HostTools.deleteLink(bridgeEnd);
        HostTools.deleteLink(bridge);
    }

    @Test
    void an_arp_request_sent_on_the_capture_end_is_answered_by_the_container_and_captured() {
        container = HostTools.createNamespace();
        NetworkNamespace ns = NetworkNamespace.named(container);
        new ContainerPlumbing(bridge).attach(ns, CONTAINER, 1376, Optional.empty());
        String captureEnd = HostTools.uniqueName("wfpc");

        try (PacketPort port = PacketPort.openOnBridge(bridgeEnd, captureEnd, bridge, 1376)) {
            assertThat(checked("ip", "link", "show", bridgeEnd)).contains("master " + bridge);
            byte[] request = ArpFrames.request(INJECTOR_MAC, INJECTOR_IP, CONTAINER);

            port.writeFrame(request, 0, request.length);

            byte[] reply = ArpFrames.awaitReply(port, INJECTOR_MAC, true);
            assertThat(ArpFrames.senderMac(reply)).isEqualTo(WeftNames.containerMac(ns));
        }
        assertThat(run("ip", "link", "show", captureEnd).exitCode()).isNotZero();
        assertThat(run("ip", "link", "show", bridgeEnd).exitCode()).isNotZero();
    }
}
