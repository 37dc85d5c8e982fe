package net.weft.viz.source;

import static net.weft.viz.SeedScenario.FILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Play, pause, step, speed and scrubbing over a simulated run (virtual time, fake wall clock). */
class PlaybackTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static SimSession seed() throws Exception {
        ScenarioSpec spec = ScenarioFile.read(FILE, null);
        return new SimSession(spec);
    }

    @Test
    void playingAtQuarterSpeedAdvancesAQuarterOfTheWallTime() throws Exception {
        SimSession s = seed();
        Playback p = new Playback(s, () -> 0);
        p.setSpeed(0.25);
        p.tick(4 * S);
        assertThat(p.displayNs()).isZero();
        p.setPlaying(true);
        p.tick(4 * S);
        assertThat(p.displayNs()).isEqualTo(S);
        assertThat(s.nowNs()).isEqualTo(S);
        assertThat(p.atLiveEdge()).isTrue();
    }

    @Test
    void stepPausesAndMovesOneFrame() throws Exception {
        Playback p = new Playback(seed(), () -> 0);
        p.setPlaying(true);
        p.step();
        assertThat(p.playing()).isFalse();
        assertThat(p.displayNs()).isEqualTo(Playback.STEP_NS);
    }

    @Test
    void scrubbingBackReplaysWithoutRunningTheSimulationAgain() throws Exception {
        SimSession s = seed();
        Playback p = new Playback(s, () -> 0);
        p.runTo(10 * S);
        p.scrubTo(2 * S);
        assertThat(p.atLiveEdge()).isFalse();
        p.setPlaying(true);
        p.tick(S);
        assertThat(p.displayNs()).isEqualTo(3 * S);
        assertThat(s.nowNs()).isEqualTo(10 * S);
        p.scrubTo(99 * S);
        assertThat(p.displayNs()).isEqualTo(10 * S);
    }

    @Test
    void maximumSpeedRunsForItsWallTimeBudget() throws Exception {
        long[] wall = {0};
        SimSession s = seed();
        Playback p = new Playback(s, () -> wall[0] += 5 * MS);
        p.setSpeed(Playback.MAX_SPEED);
        p.setPlaying(true);
        p.tick(16 * MS);
        assertThat(p.displayNs()).isEqualTo(5 * Playback.STEP_NS);
        assertThat(p.travelNs()).isEqualTo(Playback.STEP_NS);
    }
}
