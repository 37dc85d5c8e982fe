package net.weft.viz.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import net.weft.viz.model.MeshScene;
import net.weft.viz.model.ViewTransform;

/** Renders a scene off screen and writes it as PNG: for {@code --snapshot}, docs and CI. */
public final class PngExport {

    private PngExport() {
    }

    /** Renders {@code scene} fitted to {@code w} x {@code h} pixels (on the JavaFX thread) as an image. */
    public static BufferedImage render(MeshScene scene, int w, int h, String caption) {
        return FxRuntime.call(() -> {
            Canvas c = new Canvas(w, h);
            ViewTransform t = new ViewTransform();
            t.fit(scene, w, h);
            new SceneRenderer().draw(c.getGraphicsContext2D(), scene, t, w, h, caption);
            WritableImage img = c.snapshot(null, null);
            return SwingFXUtils.fromFXImage(img, null);
        });
    }

    /** Writes {@code image} to {@code file} as PNG. */
    public static void write(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
