package net.weft.daemon.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import net.weft.core.conn.AcceptThrottle;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.input.Input;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;

/**
 * Control connections on TCP: the listener (with the accept throttle) and the dialler. Every method runs on the
 * router's event loop, which is also the loop of every channel here, so the connection table needs no locks.
 */
public final class TcpTransport {

    /** Give up a dial after this long (Weave leaves it to the OS, which can take minutes). */
    public static final int DIAL_TIMEOUT_MS = 30_000;
    /** A connection whose unsent bytes exceed this is closed: the peer is not reading. */
    public static final int MAX_SEND_BACKLOG_BYTES = 32 * 1024 * 1024;
    /** Below this many unsent bytes a connection counts as writable again. */
    public static final int SEND_BACKLOG_LOW_BYTES = 8 * 1024 * 1024;

    private final IoTransport io;
    private final EventLoop loop;
    private final InputSink sink;
    private final DaemonCounters counters;
    private final LongSupplier clockNs;
    private final Executor resolver;
    private final Map<ConnectionId, Channel> channels = new TreeMap<>();
    private final Set<Channel> unflushed = new LinkedHashSet<>();
    private final AcceptThrottle throttle = new AcceptThrottle();
    private long accepted;
    private Channel listener;

    /**
     * Connections on {@code loop} (the router's), reporting to {@code sink}; host names of dial targets are
     * resolved on {@code resolver}, never on the loop.
     */
    public TcpTransport(IoTransport io, EventLoop loop, InputSink sink, DaemonCounters counters,
            LongSupplier clockNs, Executor resolver) {
        this.io = io;
        this.loop = loop;
        this.sink = sink;
        this.counters = counters;
        this.clockNs = clockNs;
        this.resolver = resolver;
    }

    /** Binds the listener; blocks until bound and throws when the address is taken. */
    public InetSocketAddress listen(InetSocketAddress address) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(loop)
                .channel(io.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 128)
                .handler(new Throttle())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(SEND_BACKLOG_LOW_BYTES, MAX_SEND_BACKLOG_BYTES))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ConnectionId id = ConnectionId.inbound(++accepted);
                        counters.increment(Counter.TCP_ACCEPTED);
                        register(id, ch, false);
                    }
                });
        listener = b.bind(address).sync().channel();
        return (InetSocketAddress) listener.localAddress();
    }

    /** Opens a connection for the router's dial {@code id}; reports DialSucceeded or DialFailed. */
    public void dial(ConnectionId id, Endpoint target) {
        counters.increment(Counter.TCP_DIALS);
        InetSocketAddress literal = Addresses.literal(target);
        if (literal != null) {
            connect(id, target, literal);
            return;
        }
        CompletableFuture.supplyAsync(() -> resolve(target), resolver).whenComplete((addr, error) ->
                loop.execute(() -> {
                    if (error != null || addr == null) {
                        failDial(id, target, "lookup " + target.host() + ": no such host");
                    } else {
                        connect(id, target, addr);
                    }
                }));
    }

    /** Queues bytes on the connection; they go out at the end of the turn. Unknown ids are ignored. */
    public void send(ConnectionId id, byte[] bytes) {
        Channel ch = channels.get(id);
        if (ch == null) {
            return;
        }
        if (!ch.isWritable() && ch.unsafe().outboundBuffer() != null
                && ch.unsafe().outboundBuffer().totalPendingWriteBytes() > MAX_SEND_BACKLOG_BYTES) {
            counters.increment(Counter.TCP_SEND_BACKLOG_CLOSES);
            TcpConnectionHandler h = ch.pipeline().get(TcpConnectionHandler.class);
            h.fail(ch.pipeline().context(h), "write: send backlog over " + MAX_SEND_BACKLOG_BYTES + " bytes");
            return;
        }
        counters.add(Counter.TCP_SENT_BYTES, bytes.length);
        ch.write(Unpooled.wrappedBuffer(bytes), ch.voidPromise());
        unflushed.add(ch);
    }

    /** Closes the connection after what was queued on it; the router hears nothing more about it. */
    public void close(ConnectionId id) {
        Channel ch = channels.remove(id);
        if (ch == null) {
            return;
        }
        TcpConnectionHandler h = ch.pipeline().get(TcpConnectionHandler.class);
        if (h != null) {
            h.closedByRouter();
        }
        unflushed.remove(ch);
        ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Flushes every connection written to in this turn. */
    public void flush() {
        for (Channel ch : unflushed) {
            ch.flush();
        }
        unflushed.clear();
    }

    /** Live connections, for tests and metrics. */
    public int connectionCount() {
        return channels.size();
    }

    /** Closes the listener and every connection. */
    public void shutdown() {
        if (listener != null) {
            listener.close();
        }
        for (Channel ch : channels.values()) {
            TcpConnectionHandler h = ch.pipeline().get(TcpConnectionHandler.class);
            if (h != null) {
                h.closedByRouter();
            }
            ch.close();
        }
        channels.clear();
    }

    private void connect(ConnectionId id, Endpoint target, InetSocketAddress address) {
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(io.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, DIAL_TIMEOUT_MS)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(SEND_BACKLOG_LOW_BYTES, MAX_SEND_BACKLOG_BYTES))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        register(id, ch, true);
                    }
                });
        ChannelFuture f = b.connect(address);
        f.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                channels.remove(id);
                failDial(id, target, "connect: " + reason(done.cause()));
            }
        });
    }

    private void failDial(ConnectionId id, Endpoint target, String why) {
        counters.increment(Counter.TCP_DIAL_FAILURES);
        sink.submit(new Input.DialFailed(id, "dial tcp " + target + ": " + why));
    }

    private void register(ConnectionId id, Channel ch, boolean outbound) {
        channels.put(id, ch);
        ch.pipeline().addLast(new TcpConnectionHandler(id, outbound, sink, counters, () -> {
            if (channels.get(id) == ch) {
                channels.remove(id);
            }
            unflushed.remove(ch);
        }));
    }

    private static InetSocketAddress resolve(Endpoint target) {
        try {
            return new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Go-style lower-case reasons for the common connect failures. */
    static String reason(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return "i/o timeout";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String lower = m.toLowerCase(Locale.ROOT);
        if (cause instanceof ConnectException && lower.contains("refused")) {
            return "connection refused";
        }
        if (lower.contains("network is unreachable")) {
            return "network is unreachable";
        }
        if (lower.contains("no route to host")) {
            return "no route to host";
        }
        return lower;
    }

    /** Pauses accepting while the throttle has no token, as Weave's accept loop waits for one. */
    private final class Throttle extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object child) {
            long nowNs = clockNs.getAsLong();
            if (!throttle.tryAccept(nowNs)) {
                long waitNs = throttle.nextTokenNs(nowNs) - nowNs;
                counters.increment(Counter.TCP_ACCEPTS_THROTTLED);
                Channel server = ctx.channel();
                server.config().setAutoRead(false);
                loop.schedule(() -> {
                    server.config().setAutoRead(true);
                    server.read();
                }, waitNs, TimeUnit.NANOSECONDS);
            }
            ctx.fireChannelRead(child);
        }
    }
}
