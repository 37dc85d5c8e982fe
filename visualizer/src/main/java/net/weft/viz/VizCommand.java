package net.weft.viz;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javafx.stage.Stage;
import net.weft.core.id.PeerName;
import net.weft.viz.fx.FxRuntime;
import net.weft.viz.fx.PngExport;
import net.weft.viz.fx.VizWindow;
import net.weft.viz.model.ForceLayout;
import net.weft.viz.model.MeshScene;
import net.weft.viz.model.MeshSnapshot;
import net.weft.viz.model.PeerState;
import net.weft.viz.source.AttachSource;
import net.weft.viz.source.Durations;
import net.weft.viz.source.MeshSource;
import net.weft.viz.source.ScenarioFile;
import net.weft.viz.source.SimSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft viz}: shows a scenario running in the simulator, or a real mesh through its daemons' reports,
 * in a live window; or, with {@code --snapshot}, renders one instant to PNG without opening a window.
 */
@Command(name = "viz", mixinStandardHelpOptions = true,
        description = "Live topology viewer: a scenario in the simulator, or real daemons with --attach.")
public final class VizCommand implements Callable<Integer> {

    /** Default snapshot width. */
    public static final int DEFAULT_WIDTH_PX = 1000;
    /** Default snapshot height. */
    public static final int DEFAULT_HEIGHT_PX = 700;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML) to simulate.")
    private Path scenario;

    @Option(names = "--seed", description = "Seed of the run (default: the scenario's).")
    private Long seed;

    @Option(names = "--attach", paramLabel = "URL",
            description = "Daemon HTTP API base URL, e.g. http://HOST:6784 (repeatable).")
    private List<String> attach = new ArrayList<>();

    @Option(names = "--refresh", defaultValue = "1s", description = "Polling period with --attach (default 1s).")
    private String refresh;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Write a PNG of one instant and exit.")
    private Path snapshot;

    @Option(names = "--at", defaultValue = "", description = "Instant of the snapshot (default: end of the run).")
    private String at;

    @Option(names = "--select", paramLabel = "PEER", description = "Peer to select (its routes are highlighted).")
    private String select;

    @Option(names = "--size", defaultValue = DEFAULT_WIDTH_PX + "x" + DEFAULT_HEIGHT_PX,
            description = "Snapshot size WIDTHxHEIGHT in pixels.")
    private String size;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if ((scenario == null) == attach.isEmpty()) {
            err.println("weft viz: give either a SCENARIO file or --attach URL");
            return 2;
        }
        MeshSource source = open();
        if (snapshot != null) {
            useHeadlessToolkitUnlessChosen();
            return writeSnapshot(source, err);
        }
        if (source instanceof AttachSource a) {
            a.startPolling();
        }
        FxRuntime.start();
        CountDownLatch closed = new CountDownLatch(1);
        FxRuntime.call(() -> {
            VizWindow w = new VizWindow(source);
            if (select != null) {
                w.select(peer(source.recording().last(), select));
            }
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            w.show(stage);
            w.playback().setPlaying(true);
            return w;
        });
        closed.await();
        javafx.application.Platform.exit();
        return 0;
    }

    /** Renders off screen through Monocle (no display needed) unless a platform was chosen explicitly. */
    private static void useHeadlessToolkitUnlessChosen() {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
    }

    private MeshSource open() throws java.io.IOException {
        if (scenario != null) {
            return new SimSession(ScenarioFile.read(scenario, seed));
        }
        return AttachSource.http(attach, Durations.parseNs(refresh));
    }

    private int writeSnapshot(MeshSource source, PrintWriter err) {
        long atNs;
        if (!at.isEmpty()) {
            atNs = Durations.parseNs(at);
        } else {
            atNs = source instanceof SimSession s ? s.scenario().runForNs() : 0;
        }
        source.advanceTo(atNs);
        MeshSnapshot snap = source.recording().frameAt(atNs);
        PeerName sel = select == null ? null : peer(snap, select);
        if (select != null && sel == null) {
            err.println("weft viz: no peer named " + select);
            return 2;
        }
        MeshScene scene = MeshScene.build(snap, new ForceLayout(), sel, List.of());
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        String caption = String.format("%s   t = %.1f s", source.title(), snap.atNs() / 1e9);
        PngExport.write(PngExport.render(scene, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), caption), snapshot);
        spec.commandLine().getOut().println("wrote " + snapshot + " (" + scene.nodes().size() + " peers, "
                + scene.edges().size() + " edges at " + Durations.format(snap.atNs()) + ")");
        return 0;
    }

    private static PeerName peer(MeshSnapshot snap, String labelOrName) {
        PeerState p = snap.byLabel(labelOrName);
        if (p != null) {
            return p.name();
        }
        return PeerName.parse(labelOrName).filter(snap.peers()::containsKey).orElse(null);
    }
}
