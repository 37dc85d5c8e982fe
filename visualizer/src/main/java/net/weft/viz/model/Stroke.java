package net.weft.viz.model;

import java.util.List;

/**
 * How to draw a line, independent of any toolkit.
 *
 * @param rgb      colour as 0xRRGGBB
 * @param opacity  0 (invisible) to 1
 * @param widthPx  line width in screen pixels at zoom 1
 * @param dashesPx dash pattern (on, off, ...) in pixels, empty for a solid line
 * @param lock     draw a small padlock mark at the middle (encrypted connection)
 */
public record Stroke(int rgb, double opacity, double widthPx, List<Double> dashesPx, boolean lock) {

    /** Defensive copy. */
    public Stroke {
        dashesPx = List.copyOf(dashesPx);
    }

    /** True for a dashed or dotted line. */
    public boolean dashed() {
        return !dashesPx.isEmpty();
    }
}
