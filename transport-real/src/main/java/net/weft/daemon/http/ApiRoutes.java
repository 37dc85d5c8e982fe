package net.weft.daemon.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import net.weft.daemon.PeerAddresses;
import net.weft.daemon.render.MetricsText;
import net.weft.daemon.render.ReportJson;
import net.weft.daemon.render.StatusSnapshot;
import net.weft.daemon.render.StatusText;

/**
 * Maps requests to responses, with Weave's paths: {@code GET /status[/peers|/connections|/targets]},
 * {@code GET /report}, {@code GET /metrics} everywhere; {@code POST /connect}, {@code POST /forget} and
 * {@code POST /stop} on the control endpoint only.
 */
public final class ApiRoutes {

    private final DaemonControl control;
    private final boolean controlEndpoint;
    private final int defaultPort;

    /**
     * Routes for one endpoint; {@code controlEndpoint} enables the writes, {@code defaultPort} completes
     * targets without a port when checking them.
     */
    public ApiRoutes(DaemonControl control, boolean controlEndpoint, int defaultPort) {
        this.control = control;
        this.controlEndpoint = controlEndpoint;
        this.defaultPort = defaultPort;
    }

    /** The response to {@code request}; writes complete once the router has taken them. */
    public CompletableFuture<ApiResponse> handle(ApiRequest request) {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        if (request.method().equals("GET")) {
            return CompletableFuture.completedFuture(read(path));
        }
        if (request.method().equals("POST") && controlEndpoint) {
            return write(path, request);
        }
        if (isKnown(path)) {
            return done(ApiResponse.error(405, "405 method not allowed"));
        }
        return done(notFound());
    }

    private ApiResponse read(String path) {
        switch (path) {
            case "/status":
                return render(StatusText::summary, ApiResponse.TEXT);
            case "/status/peers":
                return render(StatusText::peers, ApiResponse.TEXT);
            case "/status/connections":
                return render(StatusText::connections, ApiResponse.TEXT);
            case "/status/targets":
                return render(StatusText::targets, ApiResponse.TEXT);
            case "/report":
                return render(ReportJson::render, ApiResponse.JSON);
            case "/metrics":
                return render(MetricsText::render, MetricsText.CONTENT_TYPE);
            default:
                return isKnown(path) ? ApiResponse.error(405, "405 method not allowed") : notFound();
        }
    }

    private CompletableFuture<ApiResponse> write(String path, ApiRequest request) {
        switch (path) {
            case "/connect": {
                List<String> errors = invalidPeers(request.all("peer"));
                if (!errors.isEmpty()) {
                    return done(ApiResponse.error(400, String.join("\n", errors)));
                }
                return control.connect(request.all("peer"), request.flag("replace")).thenApply(s -> ok());
            }
            case "/forget":
                return control.forget(request.all("peer")).thenApply(s -> ok());
            case "/stop":
                control.stop();
                return done(ApiResponse.ok("stopping\n"));
            default:
                return done(isKnown(path) ? ApiResponse.error(405, "405 method not allowed") : notFound());
        }
    }

    /** Weave's message for each peer string that is not {@code host[:port]}. */
    List<String> invalidPeers(List<String> peers) {
        return PeerAddresses.problems(peers, defaultPort);
    }

    private ApiResponse render(Function<StatusSnapshot, String> renderer, String contentType) {
        StatusSnapshot s = control.snapshot();
        if (s == null) {
            return ApiResponse.error(503, "weft is starting");
        }
        return new ApiResponse(200, contentType, renderer.apply(s));
    }

    private static boolean isKnown(String path) {
        switch (path) {
            case "/status":
            case "/status/peers":
            case "/status/connections":
            case "/status/targets":
            case "/report":
            case "/metrics":
            case "/connect":
            case "/forget":
            case "/stop":
                return true;
            default:
                return false;
        }
    }

    private static ApiResponse ok() {
        return ApiResponse.ok("");
    }

    private static ApiResponse notFound() {
        return ApiResponse.error(404, "404 page not found");
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
