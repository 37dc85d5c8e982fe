package net.weft.sleeve.host.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Don't-fragment on the sleeve socket (root, own namespace): a route locked at MTU 1000 refuses a 1200-byte
 * datagram with EMSGSIZE, which reaches the too-big listener with its destination, and the route's MTU reads 1000;
 * a datagram that fits leaves normally.
 */
class UdpPathMtuTest {

    private String namespace;

    @BeforeEach
    void namespaceWithANarrowRoute() {
        HostTools.assumeRootWithIp();
        namespace = HostTools.createNamespace();
        HostTools.checked("ip", "-n", namespace, "link", "set", "lo", "up");
        HostTools.checked("ip", "-n", namespace, "route", "add", "10.99.0.2/32", "dev", "lo", "mtu", "lock", "1000");
    }

    @AfterEach
    void remove() {
        if (namespace != null) {
            HostTools.deleteNamespace(namespace);
        }
    }

    @Test
    void aDatagramLargerThanTheRouteIsRefusedAndReportedWithTheRoutesMtu() {
        List<UdpAddress> refused = new ArrayList<>();
        int[] routeMtu = new int[1];
        boolean[] sent = new boolean[2];
        NetworkNamespace.named(namespace).callInside(() -> {
            try (UdpSocket socket = UdpSocket.bind(new InetSocketAddress("0.0.0.0", 0))) {
                assertThat(socket.dontFragment()).isTrue();
                socket.onTooBig(refused::add);
                UdpAddress far = UdpAddress.of(new InetSocketAddress("10.99.0.2", 6783));
                sent[0] = socket.sendTo(far, new byte[1200], 0, 1200);
                sent[1] = socket.sendTo(far, new byte[900], 0, 900);
                routeMtu[0] = PathMtu.routeMtu(far);
            }
            return null;
        });

        assertThat(sent[0]).as("1200 bytes + 28 over a 1000 route").isFalse();
        assertThat(sent[1]).as("900 bytes + 28 fit").isTrue();
        assertThat(refused).extracting(UdpAddress::toInetSocketAddress)
                .containsExactly(new InetSocketAddress("10.99.0.2", 6783));
        assertThat(routeMtu[0]).isEqualTo(1000);
    }
}
