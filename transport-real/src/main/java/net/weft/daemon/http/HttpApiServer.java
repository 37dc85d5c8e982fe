package net.weft.daemon.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import net.weft.daemon.net.IoTransport;

/** One HTTP listener (control or status) serving {@link ApiRoutes} on its own event loop group. */
public final class HttpApiServer {

    /** Largest request accepted (a connect with many peers fits easily). */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** A client that sends nothing for this long is disconnected. */
    public static final int READ_TIMEOUT_SECONDS = 30;

    private final Channel channel;

    private HttpApiServer(Channel channel) {
        this.channel = channel;
    }

    /** Binds {@code address} and serves {@code routes}; throws when the address is taken. */
    public static HttpApiServer start(IoTransport io, EventLoopGroup group, InetSocketAddress address,
            ApiRoutes routes) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(io.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS),
                                new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                new HttpApiHandler(routes));
                    }
                });
        return new HttpApiServer(b.bind(address).sync().channel());
    }

    /** The bound address (useful with port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops listening. */
    public void close() {
        channel.close().awaitUninterruptibly();
    }
}
