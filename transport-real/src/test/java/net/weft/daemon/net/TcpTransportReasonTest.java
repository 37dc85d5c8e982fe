package net.weft.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import net.weft.core.id.Endpoint;
import org.junit.jupiter.api.Test;

class TcpTransportReasonTest {

    @Test
    void connect_failures_read_like_gos_network_errors() {
        assertThat(TcpTransport.reason(new ConnectException("finishConnect(..) failed: Connection refused")))
                .isEqualTo("connection refused");
        assertThat(TcpTransport.reason(new ConnectTimeoutException("connection timed out after 30000 ms")))
                .isEqualTo("i/o timeout");
    }

    @Test
    void ip_literals_need_no_lookup_and_mapped_addresses_print_as_ipv4() throws Exception {
        assertThat(Addresses.literal(new Endpoint("192.0.2.1", 6783)))
                .isEqualTo(new InetSocketAddress("192.0.2.1", 6783));
        assertThat(Addresses.literal(new Endpoint("peer.example", 6783))).isNull();
        InetSocketAddress mapped = new InetSocketAddress(java.net.InetAddress.getByAddress(
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, (byte) 192, 0, 2, 7}), 40000);
        assertThat(Addresses.endpointOf(mapped)).isEqualTo(new Endpoint("192.0.2.7", 40000));
    }
}
