package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Mixture2DTest {

    @Test
    void ring8Means() {
        Mixture2D ring = Mixture2D.ring8();
        assertEquals("ring8", ring.name());
        assertEquals(0.01, ring.sigma());
        double[][] m = ring.means();
        assertEquals(8, m.length);
        for (int i = 0; i < 8; i++) {
            assertEquals(Math.cos(2 * Math.PI * i / 8), m[i][0], 1e-12);
            assertEquals(Math.sin(2 * Math.PI * i / 8), m[i][1], 1e-12);
        }
        assertEquals(1.0, m[0][0], 1e-12);
        assertEquals(Math.sqrt(0.5), m[1][1], 1e-12);
        assertTrue(ring.extent() > 1.04 && ring.extent() < 1.5, "extent " + ring.extent());
    }

    @Test
    void grid25MeansExact() {
        Mixture2D grid = Mixture2D.grid25();
        assertEquals("grid25", grid.name());
        assertEquals(0.05, grid.sigma());
        double[][] m = grid.means();
        assertEquals(25, m.length);
        double[] coord = {-4, -2, 0, 2, 4};
        int i = 0;
        for (double x : coord) {
            for (double y : coord) {
                assertEquals(x, m[i][0], 0.0);
                assertEquals(y, m[i][1], 0.0);
                i++;
            }
        }
        assertTrue(grid.extent() >= 4.2, "extent " + grid.extent());
    }

    @Test
    void nonSquareGridRejected() {
        UserError e = assertThrows(UserError.class, () -> Mixture2D.grid(24, 4, 0.05));
        assertTrue(e.getMessage().contains("data.modes"), e.getMessage());
        assertTrue(e.getMessage().contains("16 or 25"), e.getMessage());
    }

    @Test
    void samplesHaveTheRequestedSpread() {
        for (Mixture2D mix : new Mixture2D[] {Mixture2D.ring8(), Mixture2D.grid25()}) {
            int n = 20000;
            float[] pts = mix.sample(new Random(42), n);
            double[][] means = mix.means();
            double sumSq = 0;
            int[] hits = new int[means.length];
            for (int s = 0; s < n; s++) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int m = 0; m < means.length; m++) {
                    double dx = pts[2 * s] - means[m][0];
                    double dy = pts[2 * s + 1] - means[m][1];
                    if (dx * dx + dy * dy < bestD) {
                        bestD = dx * dx + dy * dy;
                        best = m;
                    }
                }
                hits[best]++;
                sumSq += bestD;
            }
            double std = Math.sqrt(sumSq / (2.0 * n));
            assertEquals(mix.sigma(), std, 0.05 * mix.sigma(), mix.name() + " std");
            for (int h : hits) {
                assertTrue(Math.abs(h - (double) n / means.length) < 0.2 * n / means.length, mix.name());
            }
        }
    }

    @Test
    void continuousShapesStayInTheirExtent() {
        for (Mixture2D mix : new Mixture2D[] {Mixture2D.spiral(0.02), Mixture2D.swissroll(0.25 / 7.5)}) {
            assertEquals(0, mix.means().length);
            assertEquals(0, mix.modes());
            float[] pts = mix.sample(new Random(1), 5000);
            double maxAbs = 0;
            for (float v : pts) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            assertTrue(maxAbs <= mix.extent(), mix.name() + " max " + maxAbs + " extent " + mix.extent());
            assertTrue(maxAbs > 1.5 && maxAbs < 2.3, mix.name() + " max " + maxAbs);
        }
    }

    @Test
    void sameSeedSameSamples() {
        float[] a = Mixture2D.ring8().sample(new Random(7), 100);
        float[] b = Mixture2D.ring8().sample(new Random(7), 100);
        assertTrue(Arrays.equals(a, b));
    }
}
