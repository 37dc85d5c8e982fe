package net.weft.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.input.Input;
import net.weft.daemon.stats.DaemonCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP transport on real loopback sockets, driven the way the router loop drives them (the UDP side is the
 * sleeve fast path's, tested in datapath-sleeve).
 */
class LoopbackTransportTest {

    /** Upper bound for any one socket event to show up; never reached when things work. */
    static final long EVENT_TIMEOUT_S = 10;

    private final IoTransport io = IoTransport.best();
    private MultiThreadIoEventLoopGroup group;
    private EventLoop loop;
    private final BlockingQueue<Input> inputs = new LinkedBlockingQueue<>();
    private TcpTransport tcp;
    private InetSocketAddress listening;

    @BeforeEach
    void start() throws Exception {
        group = io.newGroup(1, "test-router");
        loop = group.next();
        DaemonCounters counters = new DaemonCounters();
        tcp = new TcpTransport(io, loop, inputs::add, counters, System::nanoTime, Executors.newSingleThreadExecutor());
        listening = tcp.listen(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() throws Exception {
        onLoop(() -> {
            tcp.shutdown();
            return null;
        });
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
    }

    private Input next() throws InterruptedException {
        Input i = inputs.poll(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(i).as("an input within %d s", EVENT_TIMEOUT_S).isNotNull();
        return i;
    }

    @Test
    void a_dial_to_our_own_listener_connects_both_ends_and_carries_bytes_in_order() throws Exception {
        ConnectionId out = new ConnectionId(1);
        onLoop(() -> {
            tcp.dial(out, new Endpoint("127.0.0.1", listening.getPort()));
            return null;
        });
        Input a = next();
        Input b = next();
        assertThat(java.util.List.of(a.getClass(), b.getClass()))
                .containsExactlyInAnyOrder(Input.DialSucceeded.class, Input.InboundAccepted.class);

        onLoop(() -> {
            tcp.send(out, new byte[] {1, 2});
            tcp.send(out, new byte[] {3});
            tcp.flush();
            return null;
        });
        StringBuilder got = new StringBuilder();
        while (got.length() < 3) {
            Input.BytesReceived r = (Input.BytesReceived) next();
            assertThat(r.id()).isEqualTo(ConnectionId.inbound(1));
            for (byte x : r.bytes()) {
                got.append(x);
            }
        }
        assertThat(got.toString()).isEqualTo("123");
    }

    @Test
    void closing_one_end_tells_the_other_and_not_the_closer() throws Exception {
        ConnectionId out = new ConnectionId(5);
        onLoop(() -> {
            tcp.dial(out, new Endpoint("127.0.0.1", listening.getPort()));
            return null;
        });
        next();
        next();

        onLoop(() -> {
            tcp.close(out);
            return null;
        });

        Input closed = next();
        assertThat(closed).isInstanceOf(Input.ConnectionClosed.class);
        assertThat(((Input.ConnectionClosed) closed).id()).isEqualTo(ConnectionId.inbound(1));
        assertThat(inputs.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_refused_dial_fails_with_a_go_style_reason() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        onLoop(() -> {
            tcp.dial(new ConnectionId(9), new Endpoint("127.0.0.1", closedPort));
            return null;
        });

        assertThat(next()).isEqualTo(new Input.DialFailed(new ConnectionId(9),
                "dial tcp 127.0.0.1:" + closedPort + ": connect: connection refused"));
    }
}
