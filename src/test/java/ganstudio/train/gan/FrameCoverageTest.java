package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ganstudio.data.Mixture2D;
import ganstudio.media.Frame;
import ganstudio.media.PlaneRenderer;
import ganstudio.metrics.ModeReadout;

import org.junit.jupiter.api.Test;

class FrameCoverageTest {

    private static final Mixture2D RING = Mixture2D.ring8(); // radius 1, σ = 0.01: "within 3σ" is 0.03

    private static Frame plane(float[] points, Mixture2D mix) {
        double[][] m = mix.hasModes() ? mix.means() : new double[0][];
        double[] flat = new double[m.length * 2];
        for (int i = 0; i < m.length; i++) {
            flat[2 * i] = m[i][0];
            flat[2 * i + 1] = m[i][1];
        }
        return PlaneRenderer.render(40, points, new float[4], 2, mix.extent(), flat, 16);
    }

    @Test
    void sixHandPlacedPointsCaptureTwoOfEightModesAtHalfHighQuality() {
        double[][] m = RING.means();
        float[] points = {
            (float) m[0][0], (float) m[0][1], // on mode 0
            (float) (m[0][0] + 0.02), (float) m[0][1], // 2σ from mode 0: high quality, mode 0 again
            (float) m[1][0], (float) (m[1][1] + 0.029), // 2.9σ from mode 1: high quality
            (float) (m[2][0] + 0.031), (float) m[2][1], // 3.1σ from mode 2: not high quality, mode 2 not captured
            0f, 0f, // the ring's centre, far from every mode
            Float.NaN, 0f, // a diverged point counts as low quality
        };
        Frame f = FrameCoverage.score(plane(points, RING), RING);
        assertEquals(2, f.modesCaptured());
        assertEquals(8, f.modes());
        assertEquals(0.5, f.highQuality(), 0.0);
        assertEquals("modes captured 2 / 8 · high quality 50.0%", ModeReadout.of(f).text());
        assertEquals(new ModeReadout(40, 2, 8, 0.5), ModeReadout.of(f));
    }

    @Test
    void everyPointOnAModeIsAllCapturedAtFullQuality() {
        double[][] m = RING.means();
        float[] points = new float[16];
        for (int i = 0; i < 8; i++) {
            points[2 * i] = (float) m[i][0];
            points[2 * i + 1] = (float) m[i][1];
        }
        assertEquals("modes captured 8 / 8 · high quality 100.0%",
                ModeReadout.of(FrameCoverage.score(plane(points, RING), RING)).text());
    }

    @Test
    void noPointsAndNoModes() {
        Frame empty = FrameCoverage.score(plane(new float[0], RING), RING);
        assertEquals("modes captured 0 / 8 · high quality —", ModeReadout.of(empty).text());
        Mixture2D spiral = Mixture2D.spiral(0.05);
        Frame f = plane(new float[] {0f, 0f}, spiral);
        assertSame(f, FrameCoverage.score(f, spiral));
        assertFalse(f.hasModeCoverage());
        assertNull(ModeReadout.of(f));
        assertNull(ModeReadout.of(Frame.image(0, 1, 1, new int[1])));
    }
}
