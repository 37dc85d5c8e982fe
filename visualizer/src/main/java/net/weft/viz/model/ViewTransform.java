package net.weft.viz.model;

/**
 * Maps model coordinates to screen pixels: {@code screen = model * scale + offset}. Zoom keeps the point under
 * the cursor fixed; pan moves by screen pixels; fit frames a model box in a viewport.
 */
public final class ViewTransform {

    /** Closest zoom out. */
    public static final double MIN_SCALE = 0.05;
    /** Closest zoom in. */
    public static final double MAX_SCALE = 20.0;
    /** Fitting never zooms in further than this, so small meshes keep readable proportions. */
    public static final double MAX_FIT_SCALE = 1.6;
    /** Margin kept around the mesh when fitting, in pixels. */
    public static final double FIT_MARGIN_PX = 40.0;

    private double scale = 1;
    private double offsetX;
    private double offsetY;

    /** Zoom factor. */
    public double scale() {
        return scale;
    }

    /** Screen x of model x. */
    public double toScreenX(double x) {
        return x * scale + offsetX;
    }

    /** Screen y of model y. */
    public double toScreenY(double y) {
        return y * scale + offsetY;
    }

    /** Model x of screen x. */
    public double toModelX(double sx) {
        return (sx - offsetX) / scale;
    }

    /** Model y of screen y. */
    public double toModelY(double sy) {
        return (sy - offsetY) / scale;
    }

    /** Multiplies the zoom by {@code factor}, keeping the model point under screen ({@code sx}, {@code sy}). */
    public void zoomAt(double factor, double sx, double sy) {
        double mx = toModelX(sx);
        double my = toModelY(sy);
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        offsetX = sx - mx * scale;
        offsetY = sy - my * scale;
    }

    /** Moves the drawing by screen pixels. */
    public void pan(double dxPx, double dyPx) {
        offsetX += dxPx;
        offsetY += dyPx;
    }

    /** Frames the model box [minX, maxX] x [minY, maxY] centred in a viewport of {@code w} x {@code h} pixels. */
    public void fit(double minX, double minY, double maxX, double maxY, double w, double h) {
        double bw = Math.max(1, maxX - minX);
        double bh = Math.max(1, maxY - minY);
        scale = Math.max(MIN_SCALE, Math.min(MAX_FIT_SCALE,
                Math.min((w - 2 * FIT_MARGIN_PX) / bw, (h - 2 * FIT_MARGIN_PX) / bh)));
        offsetX = (w - bw * scale) / 2 - minX * scale;
        offsetY = (h - bh * scale) / 2 - minY * scale;
    }

    /** Frames every node of {@code scene}. */
    public void fit(MeshScene scene, double w, double h) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeModel n : scene.nodes()) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x());
            maxY = Math.max(maxY, n.y());
        }
        if (scene.nodes().isEmpty()) {
            return;
        }
        double pad = Styles.PEER_RADIUS * 3;
        fit(minX - pad, minY - pad, maxX + pad, maxY + pad, w, h);
    }
}
