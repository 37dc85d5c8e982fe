package net.weft.viz.fx;

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
    public static final double MIN_LABEL_RADIUS_PX = 6.0;
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
        for (PeerPair p : scene.highlight().broadcastEdges()) {
            line(g, t, nodes, p, Styles.broadcast());
        }
        for (PeerPair p : scene.highlight().unicastEdges()) {
            line(g, t, nodes, p, Styles.route());
        }
        g.setLineCap(StrokeLineCap.BUTT);
        for (EdgeModel e : scene.edges()) {
            Stroke s = Styles.edge(e);
            line(g, t, nodes, e.pair(), s);
            if (s.lock()) {
                lock(g, t, nodes, e.pair());
            }
        }
        g.setLineDashes();
        for (Flights.Flight f : scene.flights()) {
            flight(g, t, nodes, f);
        }
        double r = Styles.PEER_RADIUS * t.scale();
        boolean labels = r >= MIN_LABEL_RADIUS_PX;
        boolean names = labels && scene.nodes().size() <= MAX_PEERS_WITH_NAMES;
        for (NodeModel n : scene.nodes()) {
            node(g, t, n, n.name().equals(scene.highlight().selected()), labels, names);
        }
        overlay(g, w, h, caption);
    }

    private void line(GraphicsContext g, ViewTransform t, Map<PeerName, NodeModel> nodes, PeerPair p, Stroke s) {
        NodeModel a = nodes.get(p.low());
        NodeModel b = nodes.get(p.high());
        if (a == null || b == null) {
            return;
        }
        g.setStroke(rgb(s.rgb(), s.opacity()));
        g.setLineWidth(s.widthPx() * Math.min(2, Math.max(0.5, t.scale())));
        if (s.dashed()) {
            g.setLineDashes(s.dashesPx().stream().mapToDouble(Double::doubleValue).toArray());
        } else {
            g.setLineDashes();
        }
        g.strokeLine(t.toScreenX(a.x()), t.toScreenY(a.y()), t.toScreenX(b.x()), t.toScreenY(b.y()));
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

    private void flight(GraphicsContext g, ViewTransform t, Map<PeerName, NodeModel> nodes, Flights.Flight f) {
        NodeModel a = nodes.get(f.from());
        NodeModel b = nodes.get(f.to());
        if (a == null || b == null) {
            return;
        }
        double x = t.toScreenX(a.x() + (b.x() - a.x()) * f.fraction());
        double y = t.toScreenY(a.y() + (b.y() - a.y()) * f.fraction());
        double rad = 3 + 2 * Math.log(f.count()) / Math.log(2);
        g.setFill(rgb(f.kind() == Pulse.Kind.GOSSIP ? Styles.GOSSIP_RGB : Styles.FRAME_RGB, 0.85));
        g.fillOval(x - rad, y - rad, 2 * rad, 2 * rad);
        if (f.count() > 1) {
            g.setFill(Color.WHITE);
            g.setFont(small);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Integer.toString(f.count()), x, y);
        }
    }

    private void node(GraphicsContext g, ViewTransform t, NodeModel n, boolean selected, boolean labels,
            boolean names) {
        double x = t.toScreenX(n.x());
        double y = t.toScreenY(n.y());
        double r = Math.max(2, Styles.PEER_RADIUS * t.scale());
        double side = Styles.CONTAINER_SIDE * t.scale();
        for (int i = 0; i < n.containers().size(); i++) {
            double cx = x + r + 3 + i * (side + 3);
            double cy = y - r - side;
            g.setFill(rgb(Styles.CONTAINER_RGB, 1));
            g.fillRect(cx, cy, side, side);
            if (labels) {
                g.setFill(rgb(Styles.CONTAINER_RGB, 1));
                g.setFont(small);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(n.containers().get(i), cx, cy - 1);
            }
        }
        if (selected) {
            g.setFill(rgb(Styles.SELECTED_RGB, 1));
            g.fillOval(x - r - 4, y - r - 4, 2 * r + 8, 2 * r + 8);
        }
        g.setFill(rgb(Styles.peerFill(n), 1));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        if (!n.alive()) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeLine(x - r * 0.5, y - r * 0.5, x + r * 0.5, y + r * 0.5);
            g.strokeLine(x - r * 0.5, y + r * 0.5, x + r * 0.5, y - r * 0.5);
        }
        if (!labels) {
            return;
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
