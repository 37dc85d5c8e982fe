package net.weft.viz.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;
import net.weft.viz.model.EdgeModel;
import net.weft.viz.model.EdgeState;
import net.weft.viz.model.Flights;
import net.weft.viz.model.ForceLayout;
import net.weft.viz.model.MeshScene;
import net.weft.viz.model.NodeModel;
import net.weft.viz.model.PeerPair;
import net.weft.viz.model.Pulse;
import net.weft.viz.model.RoutePaths;
import net.weft.viz.model.ViewTransform;

/**
 * Rendering speed of the viewer on a synthetic mesh ({@code PEERS} peers, about four links each, a mix of
 * edge states, {@code FLIGHTS} message markers (default {@link Flights#MAX_INDIVIDUAL}, the most ever drawn)
 * that move every frame). Reports three
 * figures: frames per second shown on screen by the animation loop (uncapped with
 * {@code -Djavafx.animation.fullspeed=true}), frames per second when each frame is also read back as an image
 * (a full synchronous software rasterisation), and the time to issue one frame's drawing commands.
 *
 * <p>Run: {@code benchmarks/viz-render.sh [PEERS] [SECONDS] [FLIGHTS]} (Monocle headless by default).
 */
public final class RenderBenchmark {

    /** Default mesh size. */
    public static final int DEFAULT_PEERS = 200;
    /** Default measuring time per figure. */
    public static final int DEFAULT_SECONDS = 5;
    /** Canvas size. */
    public static final int WIDTH_PX = 1200;
    /** Canvas height. */
    public static final int HEIGHT_PX = 800;
    private static final long NS_PER_S = 1_000_000_000L;
    private static int flightsDrawn = Flights.MAX_INDIVIDUAL;
    private static double fxCpuMs;
    private static double renderCpuMs;

    private RenderBenchmark() {
    }

    /** Runs the benchmark and prints the figures. */
    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PEERS;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SECONDS;
        flightsDrawn = args.length > 2 ? Integer.parseInt(args[2]) : Flights.MAX_INDIVIDUAL;
        MeshScene base = syntheticScene(peers);
        System.out.printf("mesh: %d peers, %d edges, %d messages in flight, canvas %dx%d, prism %s%n",
                base.nodes().size(), base.edges().size(), flightsDrawn, WIDTH_PX, HEIGHT_PX,
                System.getProperty("prism.order", "default"));
        FxRuntime.start();
        double onScreen = onScreenFps(base, seconds);
        double readBack = FxRuntime.call(() -> readBackFps(base, seconds));
        double drawMs = FxRuntime.call(() -> drawOnlyMs(base, seconds));
        System.out.printf("on-screen frames/s (animation loop): %.1f (wall clock; falls under CPU contention)%n",
                onScreen);
        System.out.printf("CPU per on-screen frame: JavaFX thread %.2f ms, renderer thread %.2f ms "
                + "=> %.1f frames/s on one uncontended core each%n", fxCpuMs, renderCpuMs,
                1000 / Math.max(fxCpuMs, renderCpuMs));
        System.out.printf("frames/s with read-back of every frame: %.1f%n", readBack);
        System.out.printf("drawing commands per frame: %.2f ms%n", drawMs);
        javafx.application.Platform.exit();
    }

    /** A mesh of {@code n} peers laid out by the viewer's layout, edges in every state. */
    static MeshScene syntheticScene(int n) {
        SplitMix64 rng = new SplitMix64(n);
        List<PeerName> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(new PeerName(0xaa0000000000L + i));
        }
        List<EdgeModel> edges = new ArrayList<>();
        TreeSet<PeerPair> pairs = new TreeSet<>();
        EdgeState[] states = EdgeState.values();
        for (int i = 1; i < n; i++) {
            pairs.add(PeerPair.of(names.get(i), names.get((int) Long.remainderUnsigned(rng.nextLong(), i))));
            int j = (int) Long.remainderUnsigned(rng.nextLong(), n);
            if (j != i) {
                pairs.add(PeerPair.of(names.get(i), names.get(j)));
            }
        }
        int k = 0;
        for (PeerPair p : pairs) {
            EdgeState s = k % 10 == 0 ? states[k / 10 % 3] : EdgeState.ESTABLISHED;
            edges.add(new EdgeModel(p, s, k % 3 == 0 ? EdgeModel.FASTDP : EdgeModel.SLEEVE, k % 7 == 0));
            k++;
        }
        ForceLayout layout = new ForceLayout();
        layout.update(names, pairs);
        List<NodeModel> nodes = new ArrayList<>();
        for (PeerName p : names) {
            double[] xy = layout.position(p);
            nodes.add(new NodeModel(p, "p" + (p.value() & 0xffff), xy[0], xy[1], true,
                    p.value() % 4 == 0 ? List.of("c" + (p.value() & 0xffff)) : List.of()));
        }
        return new MeshScene(0, nodes, edges, RoutePaths.Highlight.NONE, List.of());
    }

    /** The scene with its messages moved on by frame {@code f}. */
    static MeshScene frame(MeshScene base, int f) {
        List<Flights.Flight> flights = new ArrayList<>();
        List<EdgeModel> edges = base.edges();
        for (int i = 0; i < flightsDrawn; i++) {
            EdgeModel e = edges.get(i % edges.size());
            double fraction = ((f + i * 7) % 60) / 60.0;
            flights.add(new Flights.Flight(e.pair().low(), e.pair().high(),
                    i % 2 == 0 ? Pulse.Kind.GOSSIP : Pulse.Kind.FRAME, fraction, 1 + i % 3));
        }
        return new MeshScene(base.atNs(), base.nodes(), base.edges(), base.highlight(), flights);
    }

    private static double onScreenFps(MeshScene base, int seconds) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        double[] fps = new double[1];
        FxRuntime.call(() -> {
            Canvas c = new Canvas(WIDTH_PX, HEIGHT_PX);
            Stage stage = new Stage();
            stage.setScene(new Scene(new Group(c), WIDTH_PX, HEIGHT_PX));
            stage.show();
            ViewTransform t = new ViewTransform();
            t.fit(base, WIDTH_PX, HEIGHT_PX);
            SceneRenderer r = new SceneRenderer();
            new AnimationTimer() {
                private long start;
                private int frames;
                private long[] cpu0;

                @Override
                public void handle(long now) {
                    if (start == 0) {
                        start = now;
                        cpu0 = threadCpuNs();
                    }
                    r.draw(c.getGraphicsContext2D(), frame(base, frames), t, WIDTH_PX, HEIGHT_PX, "benchmark");
                    frames++;
                    if (now - start >= seconds * NS_PER_S) {
                        fps[0] = frames * (double) NS_PER_S / (now - start);
                        long[] cpu1 = threadCpuNs();
                        fxCpuMs = (cpu1[0] - cpu0[0]) / 1e6 / frames;
                        renderCpuMs = (cpu1[1] - cpu0[1]) / 1e6 / frames;
                        stop();
                        stage.close();
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        done.await();
        return fps[0];
    }

    /** CPU time used so far by the JavaFX application thread and by the Quantum renderer thread. */
    private static long[] threadCpuNs() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] out = new long[2];
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti == null) {
                continue;
            }
            int slot = ti.getThreadName().startsWith("JavaFX Application") ? 0
                    : ti.getThreadName().startsWith("QuantumRenderer") ? 1 : -1;
            if (slot >= 0) {
                out[slot] += Math.max(0, mx.getThreadCpuTime(ti.getThreadId()));
            }
        }
        return out;
    }

    private static double readBackFps(MeshScene base, int seconds) {
        Canvas c = new Canvas(WIDTH_PX, HEIGHT_PX);
        ViewTransform t = new ViewTransform();
        t.fit(base, WIDTH_PX, HEIGHT_PX);
        SceneRenderer r = new SceneRenderer();
        javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(WIDTH_PX, HEIGHT_PX);
        long start = System.nanoTime();
        int frames = 0;
        while (System.nanoTime() - start < seconds * NS_PER_S) {
            r.draw(c.getGraphicsContext2D(), frame(base, frames), t, WIDTH_PX, HEIGHT_PX, "benchmark");
            c.snapshot(null, img);
            frames++;
        }
        return frames * (double) NS_PER_S / (System.nanoTime() - start);
    }

    private static double drawOnlyMs(MeshScene base, int seconds) {
        Canvas c = new Canvas(WIDTH_PX, HEIGHT_PX);
        ViewTransform t = new ViewTransform();
        t.fit(base, WIDTH_PX, HEIGHT_PX);
        SceneRenderer r = new SceneRenderer();
        long start = System.nanoTime();
        int frames = 0;
        while (System.nanoTime() - start < seconds * NS_PER_S / 5) {
            r.draw(c.getGraphicsContext2D(), frame(base, frames), t, WIDTH_PX, HEIGHT_PX, "benchmark");
            frames++;
            if (frames % 50 == 0) {
                c.snapshot(null, null);
            }
        }
        return (System.nanoTime() - start) / 1e6 / frames;
    }
}
