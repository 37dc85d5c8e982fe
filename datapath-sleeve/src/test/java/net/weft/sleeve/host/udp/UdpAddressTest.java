package net.weft.sleeve.host.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** The pre-encoded destination: its sockaddr bytes, equality, and the decode the receive path uses. */
class UdpAddressTest {

    @Test
    void an_ipv4_destination_is_a_16_byte_sockaddr_in_with_port_and_address_in_network_order() {
        UdpAddress a = UdpAddress.of(new InetSocketAddress("10.1.2.3", 6784));

        assertThat(a.sockaddr()).containsExactly(2, 0, 0x1a, (byte) 0x80, 10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void an_ipv6_destination_is_a_28_byte_sockaddr_in6() {
        UdpAddress a = UdpAddress.of(new InetSocketAddress("fe80::1", 6784));

        byte[] s = a.sockaddr();
        assertThat(s).hasSize(28);
        assertThat(s[0]).isEqualTo((byte) 10);
        assertThat(s[2]).isEqualTo((byte) 0x1a);
        assertThat(s[3]).isEqualTo((byte) 0x80);
        assertThat(s[8]).isEqualTo((byte) 0xfe);
        assertThat(s[9]).isEqualTo((byte) 0x80);
        assertThat(s[23]).isEqualTo((byte) 1);
    }

    @Test
    void addresses_are_equal_by_address_and_port() {
        UdpAddress a = UdpAddress.of(new InetSocketAddress("127.0.0.1", 6784));

        assertThat(a).isEqualTo(UdpAddress.of(new InetSocketAddress("127.0.0.1", 6784)));
        assertThat(a).hasSameHashCodeAs(UdpAddress.of(new InetSocketAddress("127.0.0.1", 6784)));
        assertThat(a).isNotEqualTo(UdpAddress.of(new InetSocketAddress("127.0.0.1", 6783)));
        assertThat(a).isNotEqualTo(UdpAddress.of(new InetSocketAddress("127.0.0.2", 6784)));
        assertThat(a.toString()).isEqualTo("127.0.0.1:6784");
    }

    @Test
    void an_unresolved_address_is_refused() {
        assertThatThrownBy(() -> UdpAddress.of(InetSocketAddress.createUnresolved("peer.example", 6784)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resolved");
    }

    @Test
    void any_ipv4_or_ipv6_address_and_port_decodes_back_to_itself() {
        qt().forAll(integers().all(), integers().between(0, 65535), integers().all())
                .checkAssert((bits, port, salt) -> {
                    byte[] v6 = new byte[16];
                    for (int i = 0; i < v6.length; i++) {
                        v6[i] = (byte) ((salt >>> (i % 4 * 8)) ^ i * 37);
                    }
                    v6[0] = 0x20;
                    byte[] v4 = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), bits.byteValue()};
                    for (byte[] ip : new byte[][] {v4, v6}) {
                        InetSocketAddress original = new InetSocketAddress(address(ip), port);
                        byte[] encoded = UdpAddress.of(original).sockaddr();
                        assertThat(SocketAddresses.decode(encoded, encoded.length)).isEqualTo(original);
                    }
                });
    }

    @Test
    void an_ipv4_mapped_ipv6_sender_decodes_to_the_plain_ipv4_address() throws Exception {
        byte[] mapped = new byte[28];
        mapped[0] = 10;
        mapped[2] = 0x1a;
        mapped[3] = (byte) 0x80;
        mapped[18] = (byte) 0xff;
        mapped[19] = (byte) 0xff;
        mapped[20] = (byte) 192;
        mapped[21] = (byte) 168;
        mapped[22] = 1;
        mapped[23] = 9;

        assertThat(SocketAddresses.decode(mapped, 28))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.168.1.9"), 6784));
    }

    private static InetAddress address(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
