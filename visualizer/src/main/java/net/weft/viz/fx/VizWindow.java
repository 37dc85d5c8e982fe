package net.weft.viz.fx;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import net.weft.core.id.PeerName;
import net.weft.viz.model.EdgeModel;
import net.weft.viz.model.EdgeState;
import net.weft.viz.model.Flights;
import net.weft.viz.model.ForceLayout;
import net.weft.viz.model.HitTest;
import net.weft.viz.model.MeshScene;
import net.weft.viz.model.MeshSnapshot;
import net.weft.viz.model.NodeModel;
import net.weft.viz.model.PeerDetails;
import net.weft.viz.model.PeerState;
import net.weft.viz.model.ViewTransform;
import net.weft.viz.source.AttachSource;
import net.weft.viz.source.MeshSource;
import net.weft.viz.source.Playback;
import net.weft.viz.source.ScenarioFile;
import net.weft.viz.source.SimSession;

/**
 * The viewer's window: the mesh on a canvas (scroll to zoom, drag to pan), a toolbar (play, pause, step,
 * speed, messages on/off, fit, add peer, save scenario, export PNG), a timeline slider that scrubs through the
 * recording, and a side panel with the selected peer's details. Click a peer to select it (its routes light
 * up); double-click it to crash or restart it; click an edge to cut or heal it; right-click for a menu. Every
 * decision lives in the model; this class wires controls to it. All methods run on the JavaFX thread.
 */
public final class VizWindow {

    /** Speeds offered, virtual seconds per real second. */
    public static final List<Double> SPEEDS = List.of(0.01, 0.1, 0.25, 1.0, 4.0, 16.0, Playback.MAX_SPEED);
    /** Zoom factor per scroll notch. */
    public static final double ZOOM_STEP = 1.15;
    /** Initial window size. */
    public static final double WIDTH_PX = 1200;
    /** Initial window height. */
    public static final double HEIGHT_PX = 800;
    /** Timeline slider resolution: one position per this many nanoseconds. */
    private static final double SLIDER_UNIT_NS = 1e6;

    private final MeshSource source;
    private final Playback playback;
    private final ForceLayout layout = new ForceLayout();
    private final ViewTransform transform = new ViewTransform();
    private final SceneRenderer renderer = new SceneRenderer();
    private final Canvas canvas = new Canvas();
    private final Slider timeline = new Slider();
    private final Label timeLabel = new Label();
    private final TextArea details = new TextArea();
    private final ToggleButton play = new ToggleButton("Play");
    private final CheckBox showMessages = new CheckBox("messages");
    private final BorderPane root = new BorderPane();
    private PeerName selected;
    private MeshScene scene;
    private boolean fitted;
    private boolean updatingSlider;
    private double dragX;
    private double dragY;
    private long lastPulseNs;
    private AnimationTimer timer;

    /** A window over {@code source}. */
    public VizWindow(MeshSource source) {
        this.source = source;
        this.playback = new Playback(source, System::nanoTime);
        buildUi();
        refresh();
    }

    /** Shows the window on {@code stage} and starts the animation loop. */
    public void show(Stage stage) {
        stage.setTitle("weft viz: " + source.title());
        stage.setScene(new Scene(root, WIDTH_PX, HEIGHT_PX));
        stage.show();
        timer = new AnimationTimer() {
            @Override
            public void handle(long nowNs) {
                long dt = lastPulseNs == 0 ? 0 : nowNs - lastPulseNs;
                lastPulseNs = nowNs;
                onPulse(dt);
            }
        };
        timer.start();
        stage.setOnHidden(e -> timer.stop());
    }

    /** The controls' logic (for tests and the command). */
    public Playback playback() {
        return playback;
    }

    /** The scene drawn last. */
    public MeshScene scene() {
        return scene;
    }

    /** An image of the whole window as shown now (controls included). */
    public java.awt.image.BufferedImage windowImage() {
        return javafx.embed.swing.SwingFXUtils.fromFXImage(root.getScene().snapshot(null), null);
    }

    /** The side panel text. */
    public String detailsText() {
        return details.getText();
    }

    /** Selects a peer (null for none) and redraws. */
    public void select(PeerName p) {
        selected = p;
        refresh();
    }

    /** Toggles an edge: cuts it when it carries traffic, heals it when cut (simulations only). */
    public void toggleEdge(EdgeModel e) {
        if (!(source instanceof SimSession s) || !playback.atLiveEdge()) {
            return;
        }
        String a = s.label(e.pair().low());
        String b = s.label(e.pair().high());
        if (s.recording().last().cutLinks().contains(e.pair())) {
            s.heal(a, b);
        } else {
            s.cut(a, b);
        }
        playback.scrubTo(s.recording().endNs());
        refresh();
    }

    /** Crashes a running peer or restarts a crashed one (simulations only). */
    public void togglePeer(PeerName p) {
        if (!(source instanceof SimSession s) || !playback.atLiveEdge()) {
            return;
        }
        PeerState st = s.recording().last().peers().get(p);
        if (st == null) {
            return;
        }
        if (st.alive()) {
            s.crash(st.label());
        } else {
            s.restart(st.label());
        }
        playback.scrubTo(s.recording().endNs());
        refresh();
    }

    /** Adds a peer linked to {@code linkedTo} (or to nobody); simulations only. */
    public void addPeer(PeerName linkedTo) {
        if (!(source instanceof SimSession s) || !playback.atLiveEdge()) {
            return;
        }
        s.addPeer(linkedTo == null ? List.of() : List.of(s.label(linkedTo)));
        playback.scrubTo(s.recording().endNs());
        refresh();
    }

    /** Writes the scenario with the injected events to {@code file} (simulations only). */
    public void saveScenario(Path file) throws java.io.IOException {
        if (source instanceof SimSession s) {
            ScenarioFile.write(s.scenarioWithInjected(), file);
        }
    }

    /** Advances or rewinds by {@code realElapsedNs} of wall time per the playback state, then redraws. */
    public void onPulse(long realElapsedNs) {
        if (playback.playing()) {
            playback.tick(realElapsedNs);
            refresh();
        }
    }

    /** Rebuilds the scene at the shown instant and repaints. */
    public void refresh() {
        MeshSnapshot snap = source.recording().frameAt(playback.displayNs());
        List<Flights.Flight> flights = showMessages.isSelected()
                ? Flights.at(source.recording(), playback.displayNs(), playback.travelNs(), Flights.MAX_INDIVIDUAL)
                : List.of();
        scene = MeshScene.build(snap, layout, selected, flights);
        updateTimeline();
        PeerState sel = selected == null ? null : snap.peers().get(selected);
        details.setText(sel == null ? help() : String.join("\n", PeerDetails.lines(snap, sel)));
        play.setSelected(playback.playing());
        play.setText(playback.playing() ? "Pause" : "Play");
        paint();
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        if (!fitted && !scene.nodes().isEmpty()) {
            transform.fit(scene, w, h);
            fitted = true;
        }
        renderer.draw(canvas.getGraphicsContext2D(), scene, transform, w, h, caption());
    }

    private String caption() {
        String problems = source instanceof AttachSource a && !a.status().isEmpty() ? "   unreachable: " + a.status()
                : "";
        return String.format("%s   t = %.2f s%s%s", source.title(), playback.displayNs() / 1e9,
                playback.atLiveEdge() ? "" : "   (replay)", problems);
    }

    private void updateTimeline() {
        updatingSlider = true;
        timeline.setMin(source.recording().startNs() / SLIDER_UNIT_NS);
        timeline.setMax(Math.max(timeline.getMin() + 1, source.recording().endNs() / SLIDER_UNIT_NS));
        timeline.setValue(playback.displayNs() / SLIDER_UNIT_NS);
        updatingSlider = false;
        timeLabel.setText(String.format("%.2f / %.2f s", playback.displayNs() / 1e9,
                source.recording().endNs() / 1e9));
    }

    private void buildUi() {
        Pane centre = new Pane(canvas);
        canvas.widthProperty().bind(centre.widthProperty());
        canvas.heightProperty().bind(centre.heightProperty());
        canvas.widthProperty().addListener(o -> paint());
        canvas.heightProperty().addListener(o -> paint());
        centre.setMinSize(0, 0);
        root.setCenter(centre);
        root.setTop(toolbar());
        HBox bottom = new HBox(8, new Label("time"), timeline, timeLabel);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(bottom);
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefColumnCount(42);
        details.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        root.setRight(details);
        timeline.valueProperty().addListener((o, was, now) -> {
            if (!updatingSlider) {
                playback.scrubTo(Math.round(now.doubleValue() * SLIDER_UNIT_NS));
                refresh();
            }
        });
        canvas.setOnScroll(this::onScroll);
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(e -> {
            transform.pan(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
            paint();
        });
        canvas.setOnMouseClicked(this::onClick);
    }

    private ToolBar toolbar() {
        play.setOnAction(e -> {
            playback.setPlaying(play.isSelected());
            refresh();
        });
        Button step = new Button("Step");
        step.setOnAction(e -> {
            playback.step();
            refresh();
        });
        ComboBox<String> speed = new ComboBox<>();
        for (double s : SPEEDS) {
            speed.getItems().add(s == Playback.MAX_SPEED ? "max" : s + "x");
        }
        speed.getSelectionModel().select(SPEEDS.indexOf(1.0));
        speed.setOnAction(e -> playback.setSpeed(SPEEDS.get(speed.getSelectionModel().getSelectedIndex())));
        showMessages.setSelected(true);
        showMessages.setOnAction(e -> refresh());
        Button fit = new Button("Fit");
        fit.setOnAction(e -> {
            fitted = false;
            paint();
        });
        Button add = new Button("Add peer");
        add.setOnAction(e -> addPeer(selected));
        Button save = new Button("Save scenario...");
        save.setOnAction(e -> chooseAndSave());
        Button png = new Button("Export PNG...");
        png.setOnAction(e -> chooseAndExport());
        boolean sim = source instanceof SimSession;
        add.setDisable(!sim);
        save.setDisable(!sim);
        return new ToolBar(play, step, new Label("speed"), speed, showMessages, fit, add, save, png);
    }

    private void onScroll(ScrollEvent e) {
        transform.zoomAt(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
        paint();
    }

    private void onClick(MouseEvent e) {
        if (!e.isStillSincePress()) {
            return;
        }
        double mx = transform.toModelX(e.getX());
        double my = transform.toModelY(e.getY());
        NodeModel n = HitTest.nodeAt(scene, mx, my);
        EdgeModel edge = n == null ? HitTest.edgeAt(scene, mx, my, HitTest.EDGE_TOLERANCE / transform.scale())
                : null;
        if (e.getButton() == MouseButton.SECONDARY) {
            menu(n, edge).show(canvas, e.getScreenX(), e.getScreenY());
        } else if (n != null && e.getClickCount() == 2) {
            togglePeer(n.name());
        } else if (n != null) {
            select(n.name());
        } else if (edge != null) {
            toggleEdge(edge);
        } else {
            select(null);
        }
    }

    private ContextMenu menu(NodeModel n, EdgeModel edge) {
        ContextMenu m = new ContextMenu();
        if (n != null) {
            MenuItem crash = new MenuItem(n.alive() ? "Crash " + n.label() : "Restart " + n.label());
            crash.setOnAction(a -> togglePeer(n.name()));
            MenuItem add = new MenuItem("Add a peer linked to " + n.label());
            add.setOnAction(a -> addPeer(n.name()));
            m.getItems().addAll(crash, add);
        } else if (edge != null) {
            MenuItem cut = new MenuItem(edge.state() == EdgeState.FAILED ? "Heal link" : "Cut link");
            cut.setOnAction(a -> toggleEdge(edge));
            m.getItems().add(cut);
        } else {
            MenuItem add = new MenuItem("Add an unlinked peer");
            add.setOnAction(a -> addPeer(null));
            m.getItems().add(add);
        }
        return m;
    }

    private void chooseAndSave() {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(source.title() + "-edited.yaml");
        java.io.File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            try {
                saveScenario(f.toPath());
            } catch (java.io.IOException ex) {
                details.setText("cannot save: " + ex.getMessage());
            }
        }
    }

    private void chooseAndExport() {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(source.title() + ".png");
        java.io.File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            PngExport.write(PngExport.render(scene, (int) canvas.getWidth(), (int) canvas.getHeight(), caption()),
                    f.toPath());
        }
    }

    private String help() {
        String sim = source instanceof SimSession ? "Double-click a peer to crash or restart it; click an edge to cut "
                + "or heal it; right-click for more.\n" : "";
        return "Click a peer to see its details, its unicast routes (violet) and its broadcast tree (orange).\n"
                + sim + "Scroll to zoom, drag to pan; the slider at the bottom replays the recording.\n\n"
                + "Edges: green established (sleeve), blue established (fastdp), amber pending, grey dotted "
                + "connecting, red dashed failed or cut; a padlock marks encryption.\n"
                + "Dots moving along edges: gossip (violet) and data frames (pink); a number counts messages "
                + "aggregated in one dot.";
    }
}
