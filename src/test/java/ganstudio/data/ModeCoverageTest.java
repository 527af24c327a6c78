package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {

    private static final Mixture2D RING = Mixture2D.ring8();

    @Test
    void sixOfEightModesPlusTwoOutliers() {
        double[][] m = RING.means();
        float[] pts = new float[16];
        for (int i = 0; i < 6; i++) {
            pts[2 * i] = (float) m[i][0];
            pts[2 * i + 1] = (float) m[i][1];
        }
        pts[12] = 5f;
        pts[13] = 5f;
        pts[14] = 0f;
        pts[15] = 0f;
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, pts);
        assertEquals(6, r.modesCaptured());
        assertEquals(8, r.modes());
        assertEquals(0.75, r.highQualityFraction(), 0.0);
        assertEquals(Math.log(8.0 / 6.0), r.kl(), 1e-12);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 0, 0}, r.modeCounts());
        assertEquals(8, r.samples());
        assertEquals(6, r.highQuality());
    }

    @Test
    void allAtOneModeGivesLogK() {
        float[] pts = new float[200];
        for (int i = 0; i < 100; i++) {
            pts[2 * i] = 1.0f + 0.02f;
            pts[2 * i + 1] = 0f;
        }
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, pts);
        assertEquals(1, r.modesCaptured());
        assertEquals(1.0, r.highQualityFraction(), 0.0);
        assertEquals(Math.log(8), r.kl(), 1e-12);
    }

    @Test
    void justOutside3SigmaIsLowQuality() {
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, new float[] {1.0f + 0.031f, 0f});
        assertEquals(0, r.modesCaptured());
        assertEquals(0.0, r.highQualityFraction(), 0.0);
        assertTrue(Double.isNaN(r.kl()), "no high-quality samples: KL undefined");
    }

    @Test
    void trueSamplesCoverEverything() {
        Mixture2D grid = Mixture2D.grid25();
        ModeCoverage.Result r = ModeCoverage.evaluate(grid, grid.sample(new Random(3), 20000));
        assertEquals(25, r.modesCaptured());
        assertTrue(r.highQualityFraction() > 0.98, "fraction " + r.highQualityFraction());
        assertTrue(r.kl() < 0.01, "kl " + r.kl());
    }

    @Test
    void nanPointsAreLowQualityAndContinuousShapesRejected() {
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, new float[] {Float.NaN, 0f, 1f, 0f});
        assertEquals(0.5, r.highQualityFraction(), 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(Mixture2D.spiral(0.05), new float[] {0f, 0f}));
    }
}
