package net.weft.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpApiHandlerTest {

    private final FakeControl control = new FakeControl();
    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpApiHandler(new ApiRoutes(control, true,
            6783)));

    private FullHttpResponse exchange(DefaultFullHttpRequest request) {
        channel.writeInbound(request);
        channel.runPendingTasks();
        return channel.readOutbound();
    }

    @Test
    void a_form_encoded_connect_is_decoded_like_weaves_curl_calls() {
        byte[] body = "peer=192.0.2.1&peer=%5B2001%3Adb8%3A%3A1%5D%3A6783&replace=true"
                .getBytes(StandardCharsets.UTF_8);
        DefaultFullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/connect",
                Unpooled.wrappedBuffer(body));
        req.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");

        FullHttpResponse resp = exchange(req);

        assertThat(resp.status().code()).isEqualTo(200);
        assertThat(control.calls).containsExactly("connect [192.0.2.1, [2001:db8::1]:6783] replace");
        resp.release();
    }

    @Test
    void a_status_request_gets_text_with_a_length_and_the_connection_closes() {
        FullHttpResponse resp = exchange(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/status/targets?ignored=1"));

        assertThat(resp.status().code()).isEqualTo(200);
        assertThat(resp.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(resp.content().readableBytes());
        assertThat(channel.isOpen()).isFalse();
        resp.release();
    }
}
