package net.weft.viz.fx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import net.weft.core.id.PeerName;
import net.weft.viz.model.EdgeModel;
import net.weft.viz.model.Flights;
import net.weft.viz.model.MeshScene;
import net.weft.viz.model.NodeModel;
import net.weft.viz.model.PeerPair;
import net.weft.viz.model.Pulse;
import net.weft.viz.model.Stroke;
import net.weft.viz.model.Styles;
import net.weft.viz.model.ViewTransform;

/**
 * Paints a {@link MeshScene} on a canvas: background, route highlights, edges, messages in flight, peers with
 * labels and containers, a clock and a legend. Every decision about colours and dashes comes from
 * {@link Styles}; this class only translates them into JavaFX calls. Labels are left out when peers are drawn
 * too small to read them, which keeps large meshes fast on the software renderer.
 */
public final class SceneRenderer {

    /** Below this on-screen peer radius, labels are not drawn. */
    public static final double MIN_LABEL_RADIUS_PX = 5.0;
    /** Peer names (MAC form) are drawn under labels only for meshes up to this size. */
    public static final int MAX_PEERS_WITH_NAMES = 40;
    /** Label font size. */
    public static final double FONT_PX = 12.0;

    private final Font font = Font.font("SansSerif", FONT_PX);
    private final Font small = Font.font("SansSerif", FONT_PX - 2);

    /** Draws {@code scene} on {@code g}, a {@code w} x {@code h} pixel area, through {@code t}. */
    public void draw(GraphicsContext g, MeshScene scene, ViewTransform t, double w, double h, String caption) {
        g.setFill(rgb(Styles.BACKGROUND_RGB, 1));
        g.fillRect(0, 0, w, h);
        Map<PeerName, NodeModel> nodes = scene.nodesByName();
        g.setLineCap(StrokeLineCap.ROUND);
        strokeAll(g, t, nodes, scene.highlight().broadcastEdges(), Styles.broadcast());
        strokeAll(g, t, nodes, scene.highlight().unicastEdges(), Styles.route());
        g.setLineCap(StrokeLineCap.BUTT);
        Map<Stroke, List<PeerPair>> byStroke = new LinkedHashMap<>();
        for (EdgeModel e : scene.edges()) {
            byStroke.computeIfAbsent(Styles.edge(e), k -> new ArrayList<>()).add(e.pair());
        }
        for (Map.Entry<Stroke, List<PeerPair>> e : byStroke.entrySet()) {
            strokeAll(g, t, nodes, e.getValue(), e.getKey());
        }
        g.setLineDashes();
        for (EdgeModel e : scene.edges()) {
            if (Styles.edge(e).lock()) {
                lock(g, t, nodes, e.pair());
            }
        }
        flights(g, t, nodes, scene.flights());
        double r = Styles.PEER_RADIUS * t.scale();
        boolean labels = r >= MIN_LABEL_RADIUS_PX;
        boolean names = labels && scene.nodes().size() <= MAX_PEERS_WITH_NAMES;
        nodes(g, t, scene, labels, names);
        overlay(g, w, h, caption);
    }

    /** Strokes every edge of {@code pairs} with {@code s} as one path: one state change, one rasterisation. */
    private void strokeAll(GraphicsContext g, ViewTransform t, Map<PeerName, NodeModel> nodes,
            java.util.Collection<PeerPair> pairs, Stroke s) {
        if (pairs.isEmpty()) {
            return;
        }
        g.setStroke(rgb(s.rgb(), s.opacity()));
        g.setLineWidth(s.widthPx() * Math.min(2, Math.max(0.5, t.scale())));
        if (s.dashed()) {
            g.setLineDashes(s.dashesPx().stream().mapToDouble(Double::doubleValue).toArray());
        } else {
            g.setLineDashes();
        }
        g.beginPath();
        for (PeerPair p : pairs) {
            NodeModel a = nodes.get(p.low());
            NodeModel b = nodes.get(p.high());
            if (a != null && b != null) {
                g.moveTo(t.toScreenX(a.x()), t.toScreenY(a.y()));
                g.lineTo(t.toScreenX(b.x()), t.toScreenY(b.y()));
            }
        }
        g.stroke();
    }

    private void lock(GraphicsContext g, ViewTransform t, Map<PeerName, NodeModel> nodes, PeerPair p) {
        NodeModel a = nodes.get(p.low());
        NodeModel b = nodes.get(p.high());
        if (a == null || b == null) {
            return;
        }
        double x = t.toScreenX((a.x() + b.x()) / 2);
        double y = t.toScreenY((a.y() + b.y()) / 2);
        g.setLineDashes();
        g.setStroke(rgb(Styles.TEXT_RGB, 1));
        g.setLineWidth(1.2);
        g.strokeArc(x - 3, y - 7, 6, 8, 0, 180, javafx.scene.shape.ArcType.OPEN);
        g.setFill(rgb(Styles.TEXT_RGB, 1));
        g.fillRect(x - 4.5, y - 3, 9, 7);
    }

    /** Messages in flight: one filled path of dots per kind, then the counts of aggregated dots. */
    private void flights(GraphicsContext g, ViewTransform t, Map<PeerName, NodeModel> nodes,
            List<Flights.Flight> flights) {
        for (Pulse.Kind kind : Pulse.Kind.values()) {
            g.setFill(rgb(kind == Pulse.Kind.GOSSIP ? Styles.GOSSIP_RGB : Styles.FRAME_RGB, 0.85));
            g.beginPath();
            for (Flights.Flight f : flights) {
                double[] xy = f.kind() == kind ? where(t, nodes, f) : null;
                if (xy != null) {
                    double rad = radius(f);
                    g.moveTo(xy[0] + rad, xy[1]);
                    g.arc(xy[0], xy[1], rad, rad, 0, 360);
                    g.closePath();
                }
            }
            g.fill();
        }
        g.setFill(Color.WHITE);
        g.setFont(small);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Flights.Flight f : flights) {
            double[] xy = f.count() > 1 ? where(t, nodes, f) : null;
            if (xy != null) {
                g.fillText(Integer.toString(f.count()), xy[0], xy[1]);
            }
        }
    }

    private static double radius(Flights.Flight f) {
        return 3 + 2 * Math.log(f.count()) / Math.log(2);
    }

    private static double[] where(ViewTransform t, Map<PeerName, NodeModel> nodes, Flights.Flight f) {
        NodeModel a = nodes.get(f.from());
        NodeModel b = nodes.get(f.to());
        if (a == null || b == null) {
            return null;
        }
        return new double[] {t.toScreenX(a.x() + (b.x() - a.x()) * f.fraction()),
            t.toScreenY(a.y() + (b.y() - a.y()) * f.fraction())};
    }

    /** Peers: containers, the selection ring, running and down peers each as one path, then labels. */
    private void nodes(GraphicsContext g, ViewTransform t, MeshScene scene, boolean labels, boolean names) {
        double r = Math.max(2, Styles.PEER_RADIUS * t.scale());
        double side = Styles.CONTAINER_SIDE * t.scale();
        g.setFill(rgb(Styles.CONTAINER_RGB, 1));
        for (NodeModel n : scene.nodes()) {
            for (int i = 0; i < n.containers().size(); i++) {
                g.fillRect(t.toScreenX(n.x()) + r + 3 + i * (side + 3), t.toScreenY(n.y()) - r - side, side, side);
            }
        }
        PeerName selected = scene.highlight().selected();
        NodeModel sel = selected == null ? null : scene.nodesByName().get(selected);
        if (sel != null) {
            g.setFill(rgb(Styles.SELECTED_RGB, 1));
            g.fillOval(t.toScreenX(sel.x()) - r - 4, t.toScreenY(sel.y()) - r - 4, 2 * r + 8, 2 * r + 8);
        }
        for (boolean alive : new boolean[] {true, false}) {
            g.setFill(rgb(alive ? Styles.PEER_RGB : Styles.DOWN_PEER_RGB, 1));
            g.beginPath();
            for (NodeModel n : scene.nodes()) {
                if (n.alive() == alive) {
                    double x = t.toScreenX(n.x());
                    double y = t.toScreenY(n.y());
                    g.moveTo(x + r, y);
                    g.arc(x, y, r, r, 0, 360);
                    g.closePath();
                }
            }
            g.fill();
        }
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        for (NodeModel n : scene.nodes()) {
            if (!n.alive()) {
                double x = t.toScreenX(n.x());
                double y = t.toScreenY(n.y());
                g.strokeLine(x - r * 0.5, y - r * 0.5, x + r * 0.5, y + r * 0.5);
                g.strokeLine(x - r * 0.5, y + r * 0.5, x + r * 0.5, y - r * 0.5);
            }
        }
        if (labels) {
            for (NodeModel n : scene.nodes()) {
                label(g, t, n, r, side, names);
            }
        }
    }

    private void label(GraphicsContext g, ViewTransform t, NodeModel n, double r, double side, boolean names) {
        double x = t.toScreenX(n.x());
        double y = t.toScreenY(n.y());
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(rgb(Styles.CONTAINER_RGB, 1));
        for (int i = 0; i < n.containers().size(); i++) {
            g.fillText(n.containers().get(i), x + r + 3 + i * (side + 3), y - r - side - 1);
        }
        double halfWidth = (names ? 17 : Math.max(2, n.label().length())) * FONT_PX * 0.3;
        g.setFill(rgb(Styles.BACKGROUND_RGB, 0.8));
        g.fillRoundRect(x - halfWidth, y + r + 2, 2 * halfWidth, (names ? 2 : 1) * (FONT_PX + 2), 6, 6);
        g.setFill(rgb(Styles.TEXT_RGB, 1));
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(n.label(), x, y + r + 2);
        if (names) {
            g.setFont(small);
            g.setFill(rgb(Styles.DOWN_PEER_RGB, 1));
            g.fillText(n.name().toString(), x, y + r + 3 + FONT_PX);
        }
    }

    private void overlay(GraphicsContext g, double w, double h, String caption) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(font);
        g.setFill(rgb(Styles.TEXT_RGB, 1));
        g.fillText(caption, 10, 8);
        String[] names = {"established (sleeve)", "established (fastdp)", "pending", "connecting", "failed / cut",
            "unicast routes", "broadcast tree"};
        int[] colours = {Styles.SLEEVE_RGB, Styles.FASTDP_RGB, Styles.PENDING_RGB, Styles.CONNECTING_RGB,
            Styles.FAILED_RGB, Styles.ROUTE_RGB, Styles.BROADCAST_RGB};
        double y0 = h - 10 - names.length * 15;
        g.setFont(small);
        for (int i = 0; i < names.length; i++) {
            g.setFill(rgb(colours[i], 1));
            g.fillRect(10, y0 + i * 15 + 3, 18, 5);
            g.setFill(rgb(Styles.TEXT_RGB, 1));
            g.fillText(names[i], 34, y0 + i * 15);
        }
    }

    /** A JavaFX colour from 0xRRGGBB and an opacity. */
    static Color rgb(int rgb, double opacity) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, opacity);
    }
}
