package net.weft.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.ConnectionId;
import net.weft.core.input.Input;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import org.junit.jupiter.api.Test;

class TcpConnectionHandlerTest {

    private final List<Input> inputs = new ArrayList<>();
    private final DaemonCounters counters = new DaemonCounters();
    private int forgotten;

    private TcpConnectionHandler handler(boolean outbound) {
        return new TcpConnectionHandler(ConnectionId.inbound(3), outbound, inputs::add, counters, () -> forgotten++);
    }

    @Test
    void an_accepted_connection_reports_itself_then_every_chunk_in_order() {
        EmbeddedChannel ch = new EmbeddedChannel(handler(false));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'w', 'e', 'a'}));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'v', 'e'}));

        assertThat(inputs).hasSize(3);
        assertThat(inputs.get(0)).isInstanceOf(Input.InboundAccepted.class);
        assertThat(((Input.BytesReceived) inputs.get(1)).bytes()).containsExactly('w', 'e', 'a');
        assertThat(((Input.BytesReceived) inputs.get(2)).bytes()).containsExactly('v', 'e');
        assertThat(counters.get(Counter.TCP_RECEIVED_BYTES)).isEqualTo(5);
    }

    @Test
    void a_dialled_connection_reports_dial_succeeded() {
        new EmbeddedChannel(handler(true));

        assertThat(inputs).singleElement().isInstanceOf(Input.DialSucceeded.class);
    }

    @Test
    void the_peer_hanging_up_is_reported_once_with_a_reason() {
        EmbeddedChannel ch = new EmbeddedChannel(handler(false));
        ch.close();

        assertThat(inputs).last().isEqualTo(new Input.ConnectionClosed(ConnectionId.inbound(3),
                "connection closed by peer"));
        assertThat(forgotten).isEqualTo(1);
    }

    @Test
    void a_socket_error_becomes_the_close_reason() {
        EmbeddedChannel ch = new EmbeddedChannel(handler(false));
        ch.pipeline().fireExceptionCaught(
                new IOException("recvAddress(..) failed with error(-104): Connection reset by peer"));

        assertThat(inputs).last().isEqualTo(new Input.ConnectionClosed(ConnectionId.inbound(3),
                "read: connection reset by peer"));
    }

    @Test
    void after_the_router_closed_a_connection_nothing_more_is_reported() {
        TcpConnectionHandler h = handler(false);
        EmbeddedChannel ch = new EmbeddedChannel(h);
        inputs.clear();
        h.closedByRouter();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        ch.close();

        assertThat(inputs).isEmpty();
    }
}
