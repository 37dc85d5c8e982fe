package net.weft.daemon.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import net.weft.core.id.ConnectionId;
import net.weft.core.input.Input;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;

/**
 * The last handler of a control connection's pipeline: turns socket events into router inputs. It does no
 * framing: the router reassembles its 4-byte length-prefixed frames from any chunking.
 */
final class TcpConnectionHandler extends ChannelInboundHandlerAdapter {

    private final ConnectionId id;
    private final boolean outbound;
    private final InputSink sink;
    private final DaemonCounters counters;
    private final Runnable onInactive;
    private boolean closedByRouter;
    private boolean reportedClosed;
    private String failure;

    /**
     * A handler for connection {@code id}; {@code onInactive} lets the transport forget the channel.
     */
    TcpConnectionHandler(ConnectionId id, boolean outbound, InputSink sink, DaemonCounters counters,
            Runnable onInactive) {
        this.id = id;
        this.outbound = outbound;
        this.sink = sink;
        this.counters = counters;
        this.onInactive = onInactive;
    }

    /** The router closed this connection: report nothing more for it. */
    void closedByRouter() {
        closedByRouter = true;
    }

    /** Closes the connection for a transport reason (e.g. a send backlog); the router is told why. */
    void fail(ChannelHandlerContext ctx, String reason) {
        if (failure == null) {
            failure = reason;
        }
        ctx.close();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (outbound) {
            sink.submit(new Input.DialSucceeded(id, Addresses.endpointOf(ctx.channel().localAddress())));
        } else {
            sink.submit(new Input.InboundAccepted(id, Addresses.endpointOf(ctx.channel().remoteAddress()),
                    Addresses.endpointOf(ctx.channel().localAddress())));
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf && !closedByRouter) {
                ByteBuf buf = (ByteBuf) msg;
                counters.add(Counter.TCP_RECEIVED_BYTES, buf.readableBytes());
                sink.submit(new Input.BytesReceived(id, ByteBufUtil.getBytes(buf)));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = describe(cause);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        onInactive.run();
        if (!closedByRouter && !reportedClosed) {
            reportedClosed = true;
            sink.submit(new Input.ConnectionClosed(id, failure != null ? failure : "connection closed by peer"));
        }
        ctx.fireChannelInactive();
    }

    /** A short, lower-case reason in the style of Go's network errors. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isEmpty()) {
            return cause.getClass().getSimpleName();
        }
        int colon = message.lastIndexOf(": ");
        String tail = colon >= 0 ? message.substring(colon + 2) : message;
        return "read: " + tail.toLowerCase(java.util.Locale.ROOT);
    }
}
