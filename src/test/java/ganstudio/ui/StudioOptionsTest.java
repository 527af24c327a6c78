package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;
import ganstudio.ui.common.Theme;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

class StudioOptionsTest {

    @Test
    void parsesTheDemo() {
        StudioOptions o = StudioOptions.parse(List.of("--demo", "ring8-wgan", "--screenshot", "target/s.png",
                "--after", "20", "--steps", "300"));
        assertEquals("ring8-wgan", o.demoPreset());
        assertEquals(Paths.get("target/s.png"), o.screenshot());
        assertEquals(20.0, o.afterSeconds());
        assertEquals(300, o.steps());
        assertEquals(Paths.get("runs"), o.runsRoot());
        assertTrue(o.isAutomated());
        assertFalse(StudioOptions.parse(List.of()).isAutomated());
    }

    @Test
    void afterEndClosesTheDemoWhenItsRunEndsInsteadOfAfterSeconds() {
        StudioOptions end = StudioOptions.parse(List.of("--demo", "ring8-gan", "--steps", "10000", "--after", "end",
                "--stall-report", "target/s.txt"));
        assertTrue(end.closesWhenRunEnds());
        assertTrue(end.closesAfterDemo());
        assertTrue(StudioOptions.parse(List.of("--demo", "ring8-gan", "--after", "end")).closesAfterDemo(),
                "--after end alone closes the demo once its run has ended");
        StudioOptions seconds = StudioOptions.parse(List.of("--demo", "ring8-gan", "--after", "20"));
        assertFalse(seconds.closesWhenRunEnds());
        assertFalse(seconds.closesAfterDemo(), "seconds alone close nothing: there is no screenshot or report to write");
        assertFalse(StudioOptions.parse(List.of("--after", "end")).closesAfterDemo(), "no demo, nothing to close");
    }

    @Test
    void rejectsUnknownOptionsInOneLine() {
        UserError e = assertThrows(UserError.class, () -> StudioOptions.parse(List.of("--bogus")));
        assertEquals("studio: Unknown option: '--bogus'", e.getMessage());
        assertThrows(UserError.class, () -> StudioOptions.parse(List.of("--after", "soon")));
    }

    @Test
    void parsesOverridesAndATheme() {
        StudioOptions o = StudioOptions.parse(List.of("--demo", "fashion-classifier-baseline", "--set",
                "data.limit=6000", "--set", "cls.validation=1000", "--theme", "light"));
        assertEquals(List.of("data.limit=6000", "cls.validation=1000"), o.sets());
        assertEquals(Theme.LIGHT, o.theme());
        assertEquals(null, StudioOptions.parse(List.of()).theme());
        UserError e = assertThrows(UserError.class, () -> StudioOptions.parse(List.of("--set", "data.limit")));
        assertEquals("studio: --set data.limit: expected KEY=VALUE, e.g. data.limit=6000", e.getMessage());
        assertThrows(UserError.class, () -> StudioOptions.parse(List.of("--theme", "blue")));
    }

    @Test
    void followAndZoomForScreenshots() {
        StudioOptions o = StudioOptions.parse(List.of("--follow", "10", "--zoom", "3"));
        assertEquals(10, o.follow());
        assertEquals(3.0, o.zoom());
        assertEquals(null, StudioOptions.parse(List.of()).follow());
        assertEquals(null, StudioOptions.parse(List.of()).zoom());
        assertThrows(UserError.class, () -> StudioOptions.parse(List.of("--zoom", "64")));
        assertThrows(UserError.class, () -> StudioOptions.parse(List.of("--follow", "-1")));
    }

    @Test
    void compareAndPairedExperimentFlags() {
        StudioOptions o = StudioOptions.parse(List.of("--compare", "runs/a,runs/b", "--screenshot", "c.png"));
        assertEquals(List.of(Paths.get("runs/a"), Paths.get("runs/b")), o.compare());
        assertTrue(o.isAutomated());
        StudioOptions p = StudioOptions.parse(List.of("--pair", "ring8-gan", "--steps", "600", "--twin-objective",
                "wgan-gp"));
        assertEquals("ring8-gan", p.pairPreset());
        assertEquals("wgan-gp", p.twinObjective());
        assertEquals(600, p.steps());
        assertEquals(Paths.get("runs/x"), StudioOptions.parse(List.of("--twin-of", "runs/x")).twinOf());
        UserError e = assertThrows(UserError.class,
                () -> StudioOptions.parse(List.of("--pair", "ring8-gan", "--demo", "ring8-wgan")));
        assertEquals("studio: --demo, --pair and --twin-of each start training; pick one", e.getMessage());
    }

    @Test
    void aStallReportClosesADemoButNotAnInteractiveSession() {
        StudioOptions demo = StudioOptions.parse(List.of("--demo", "fashion-wgan-gp", "--stall-report", "s.txt",
                "--after", "180"));
        assertEquals(Paths.get("s.txt"), demo.stallReport());
        assertTrue(demo.closesAfterDemo());
        assertFalse(StudioOptions.parse(List.of("--stall-report", "s.txt")).closesAfterDemo());
        assertFalse(StudioOptions.parse(List.of("--demo", "ring8-wgan")).closesAfterDemo());
        assertTrue(StudioOptions.parse(List.of("--screenshot", "a.png")).closesAfterDemo());
    }

    @Test
    void theSweepsFolderSitsBesideTheRunsUnlessGivenAndASweepCanBeOpenedAtStart() {
        StudioOptions o = StudioOptions.parse(List.of("--out", "/data/runs", "--open-sweep", "/shared/s1"));
        assertEquals(null, o.sweepsRoot());
        assertEquals(Paths.get("/shared/s1"), o.openSweep());
        assertEquals(Paths.get("/data/sweeps"), StudioModes.sweepsNextTo(o.runsRoot()));
        assertEquals(Paths.get("/x/sw"), StudioOptions.parse(List.of("--sweeps", "/x/sw")).sweepsRoot());
        assertThrows(UserError.class, () -> StudioOptions.parse(List.of("--open-sweep")));
    }
}
