package net.weft.daemon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A tiny blocking client of a daemon's HTTP API, as the CLI needs it. */
public final class ApiClient {

    /** Connect timeout, as Weave's script gives curl. */
    public static final int CONNECT_TIMEOUT_MS = 3_000;
    /** Read timeout for one answer. */
    public static final int READ_TIMEOUT_MS = 15_000;

    private final String address;

    /** A client of the daemon at {@code host:port}. */
    public ApiClient(String address) {
        this.address = address;
    }

    /** An answer: status code and body. */
    public record Reply(int status, String body) {
        /** True for 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Thrown when nothing answers at the address. */
    public static final class NotRunning extends IOException {
        private static final long serialVersionUID = 1L;

        NotRunning(String address, Throwable cause) {
            super("weft is not running at " + address, cause);
        }
    }

    /** {@code GET path}. */
    public Reply get(String path) throws IOException {
        return call("GET", path, null);
    }

    /** {@code POST path} with a form body of repeated fields. */
    public Reply post(String path, Map<String, List<String>> form) throws IOException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, values) -> values.forEach(v -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return call("POST", path, body.toString());
    }

    private Reply call(String method, String path, String form) throws IOException {
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) URI.create("http://" + address + path).toURL().openConnection();
        } catch (IllegalArgumentException e) {
            throw new IOException("bad HTTP address " + address + ": " + e.getMessage(), e);
        }
        c.setConnectTimeout(CONNECT_TIMEOUT_MS);
        c.setReadTimeout(READ_TIMEOUT_MS);
        c.setRequestMethod(method);
        try {
            if (form != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(form.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status, body);
        } catch (ConnectException | SocketTimeoutException e) {
            throw new NotRunning(address, e);
        } finally {
            c.disconnect();
        }
    }
}
