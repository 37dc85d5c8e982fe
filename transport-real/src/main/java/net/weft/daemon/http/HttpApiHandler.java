package net.weft.daemon.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adapts one aggregated netty HTTP request to {@link ApiRoutes} and writes the answer; every response closes
 * the connection (clients are the CLI and scrapers, one request each).
 */
final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final ApiRoutes routes;

    HttpApiHandler(ApiRoutes routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            respond(ctx, ApiResponse.error(400, "400 bad request"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        Map<String, List<String>> params = new TreeMap<>(uri.parameters());
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (req.content().isReadable() && type.startsWith(HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED
                .toString())) {
            String body = req.content().toString(StandardCharsets.UTF_8);
            new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
                    .forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        routes.handle(new ApiRequest(req.method().name(), uri.path(), params)).whenComplete((r, error) -> {
            ApiResponse answer = error == null ? r : ApiResponse.error(503, "weft is stopping: " + error);
            ctx.executor().execute(() -> respond(ctx, answer));
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static void respond(ChannelHandlerContext ctx, ApiResponse r) {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
    }
}
