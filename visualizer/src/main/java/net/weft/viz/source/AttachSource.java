package net.weft.viz.source;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.weft.core.id.PeerName;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.core.wire.ParseResult;
import net.weft.viz.model.MeshSnapshot;
import net.weft.viz.model.PeerState;
import net.weft.viz.model.Recording;
import net.weft.viz.report.ReportParser;

/**
 * A real mesh, seen through the {@code /report} JSON of one or more daemons ({@code http://host:6784}). A
 * background thread polls every daemon each {@link #refreshNs}; {@link #advanceTo} records the latest
 * reports as a snapshot, on the viewer's clock (nanoseconds since attaching). Peers known only from gossip
 * are drawn from what the reporting daemons say about them. Failures are kept as a status line, never thrown.
 */
public final class AttachSource implements MeshSource, AutoCloseable {

    /** Default time between polls. */
    public static final long DEFAULT_REFRESH_NS = 1_000_000_000L;
    /** HTTP timeout of one poll. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The report path of Weave's HTTP API. */
    public static final String REPORT_PATH = "/report";

    private final List<String> urls;
    private final long refreshNs;
    private final Function<String, String> fetch;
    private final Recording recording = new Recording();
    private final AtomicReference<Map<String, RouterView>> latest = new AtomicReference<>(new TreeMap<>());
    private final AtomicReference<String> status = new AtomicReference<>("");
    private ScheduledExecutorService poller;
    private Map<String, RouterView> recorded;

    /**
     * Polls {@code urls} (base URLs of daemons) with {@code fetch} (URL to body, throwing on failure): the
     * HTTP client in use, or a stub in tests.
     */
    public AttachSource(List<String> urls, long refreshNs, Function<String, String> fetch) {
        this.urls = List.copyOf(urls);
        this.refreshNs = refreshNs;
        this.fetch = fetch;
        pollOnce();
        advanceTo(0);
    }

    /** Polls over HTTP. */
    public static AttachSource http(List<String> urls, long refreshNs) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        return new AttachSource(urls, refreshNs, url -> {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode());
                }
                return r.body();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }

    /** Starts polling in the background every refresh period. */
    public void startPolling() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-viz-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollOnce, refreshNs, refreshNs, TimeUnit.NANOSECONDS);
    }

    /** Fetches every daemon's report now. */
    public void pollOnce() {
        Map<String, RouterView> got = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String base : urls) {
            String url = base.replaceAll("/+$", "") + REPORT_PATH;
            try {
                ParseResult<RouterView> r = ReportParser.parse(fetch.apply(url));
                if (r instanceof ParseResult.Ok<RouterView> ok) {
                    got.put(base, ok.value());
                } else {
                    problems.add(url + ": " + ((ParseResult.Rejected<RouterView>) r).reason());
                }
            } catch (RuntimeException e) {
                problems.add(url + ": " + e.getMessage());
            }
        }
        latest.set(got);
        status.set(String.join("; ", problems));
    }

    /** Why the last poll of some daemon failed; empty when all answered. */
    public String status() {
        return status.get();
    }

    @Override
    public Recording recording() {
        return recording;
    }

    @Override
    public String title() {
        return String.join(", ", urls);
    }

    @Override
    public long advanceTo(long ns) {
        Map<String, RouterView> now = latest.get();
        if (now != recorded || recording.isEmpty()) {
            recorded = now;
            long at = recording.isEmpty() ? 0 : Math.max(ns, recording.endNs());
            recording.add(snapshot(now.values(), at));
        }
        return Math.max(ns, recording.endNs());
    }

    /** The snapshot drawn from some daemons' views at time {@code atNs}. */
    public static MeshSnapshot snapshot(java.util.Collection<RouterView> views, long atNs) {
        SortedMap<PeerName, PeerState> peers = new TreeMap<>();
        for (RouterView v : views) {
            for (PeerView pv : v.peers()) {
                peers.putIfAbsent(pv.name(), new PeerState(pv.name(), label(pv.nickname(), pv.name()), true, null,
                        List.of()));
            }
        }
        for (RouterView v : views) {
            peers.put(v.name(), new PeerState(v.name(), label(v.nickname(), v.name()), true, v, List.of()));
        }
        return new MeshSnapshot(atNs, peers, new TreeSet<>(), new TreeSet<>());
    }

    private static String label(String nickname, PeerName name) {
        return nickname.isEmpty() ? name.toString() : nickname;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
