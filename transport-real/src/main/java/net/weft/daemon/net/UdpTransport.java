package net.weft.daemon.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import net.weft.core.id.Endpoint;
import net.weft.core.input.Input;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;

/**
 * The overlay's UDP socket (the sleeve's port, same number as the TCP port). Received datagrams become
 * {@code DatagramReceived}; {@link #send} writes from this same socket so peers see our well-known port.
 */
public final class UdpTransport {

    /** Socket buffer size asked of the kernel, for bursts of sleeve traffic. */
    public static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
    /**
     * Receive buffer per datagram: the largest UDP payload, so a peer's batched or jumbo sleeve datagram is never
     * cut (netty's default of 2048 bytes truncated anything longer).
     */
    public static final int MAX_DATAGRAM_BYTES = 65_536;

    private final IoTransport io;
    private final EventLoop loop;
    private final InputSink sink;
    private final DaemonCounters counters;
    private Channel channel;
    private boolean unflushed;

    /** A socket on {@code loop} (the router's), reporting to {@code sink}. */
    public UdpTransport(IoTransport io, EventLoop loop, InputSink sink, DaemonCounters counters) {
        this.io = io;
        this.loop = loop;
        this.sink = sink;
        this.counters = counters;
    }

    /** Binds the socket; blocks until bound and throws when the port is taken. */
    public InetSocketAddress bind(InetSocketAddress address) throws InterruptedException {
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(io.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        counters.increment(Counter.UDP_RECEIVED_DATAGRAMS);
                        sink.submit(new Input.DatagramReceived(Addresses.endpointOf(packet.sender()),
                                ByteBufUtil.getBytes(packet.content())));
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        counters.increment(Counter.UDP_SEND_FAILURES);
                    }
                });
        channel = b.bind(address).sync().channel();
        return (InetSocketAddress) channel.localAddress();
    }

    /** Queues one datagram to {@code to}; it leaves at the end of the turn. Non-IP hosts are dropped. */
    public void send(Endpoint to, byte[] payload) {
        InetSocketAddress target = Addresses.literal(to);
        if (channel == null || target == null) {
            counters.increment(Counter.UDP_SEND_FAILURES);
            return;
        }
        counters.increment(Counter.UDP_SENT_DATAGRAMS);
        channel.write(new DatagramPacket(Unpooled.wrappedBuffer(payload), target)).addListener(
                (ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        counters.increment(Counter.UDP_SEND_FAILURES);
                    }
                });
        unflushed = true;
    }

    /** Sends what was queued in this turn. */
    public void flush() {
        if (unflushed && channel != null) {
            channel.flush();
        }
        unflushed = false;
    }

    /** Closes the socket. */
    public void shutdown() {
        if (channel != null) {
            channel.close();
        }
    }
}
