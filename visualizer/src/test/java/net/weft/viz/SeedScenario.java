package net.weft.viz;

import java.nio.file.Path;

/** Where the shipped seed scenario lives, seen from the visualizer module's directory (where tests run). */
public final class SeedScenario {

    /** The seed scenario file: p1 linked to p2 and p3, p3 to p4 and p5; p1-p3 cut at 20 s. */
    public static final Path FILE = Path.of("../scenarios/src/main/resources/scenarios/seed-partial-mesh.yaml");

    private SeedScenario() {
    }
}
