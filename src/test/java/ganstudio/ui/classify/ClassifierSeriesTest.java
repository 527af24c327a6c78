package ganstudio.ui.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.ClassifierMetrics;

import org.junit.jupiter.api.Test;

class ClassifierSeriesTest {

    static ClassifierMetrics running(double epoch, long step, double loss, double acc, double lr) {
        return new ClassifierMetrics(epoch, step, loss, acc, Double.NaN, Double.NaN, Double.NaN, lr, Double.NaN, 100,
                step);
    }

    static ClassifierMetrics epochEnd(double epoch, long step, double loss, double acc, double valLoss,
            double valAcc) {
        return new ClassifierMetrics(epoch, step, loss, acc, valLoss, valAcc, 0.99, 1e-3, 12.5, 100, step);
    }

    @Test
    void trainingCurvesTakeEveryRowValidationOnlyEpochEnds() {
        ClassifierSeries s = new ClassifierSeries();
        assertNull(s.lastValidation());
        s.append(running(0.25, 1, 2.0, 0.1, 1e-3));
        s.append(running(0.5, 2, 1.5, 0.3, 1e-3));
        s.append(epochEnd(1.0, 4, 1.0, 0.5, 0.9, 0.6));
        s.append(running(1.5, 6, 0.8, 0.7, 5e-4));
        s.append(epochEnd(2.0, 8, 0.7, 0.75, 0.8, 0.7));

        double[][] trainLoss = s.series(ClassifierSeries.TRAIN_LOSS, 1500);
        assertArrayEquals(new double[] {0.25, 0.5, 1.0, 1.5, 2.0}, trainLoss[0]);
        assertArrayEquals(new double[] {2.0, 1.5, 1.0, 0.8, 0.7}, trainLoss[1]);
        double[][] valAcc = s.series(ClassifierSeries.VAL_ACC, 1500);
        assertArrayEquals(new double[] {1.0, 2.0}, valAcc[0]);
        assertArrayEquals(new double[] {0.6, 0.7}, valAcc[1]);
        double[][] lr = s.series(ClassifierSeries.LR, 1500);
        assertArrayEquals(new double[] {1e-3, 1e-3, 1e-3, 5e-4, 1e-3}, lr[1]);
        assertEquals(2.0, s.lastValidation().epoch());
        assertEquals(5, s.size());
        assertEquals(8, s.last().step());
    }

    @Test
    void longRunsAreDecimatedForDrawing() {
        ClassifierSeries s = new ClassifierSeries();
        for (int i = 1; i <= 100_000; i++) {
            s.append(running(i / 1000.0, i, Math.sin(i), 0.5, 1e-3));
        }
        double[][] xy = s.series(ClassifierSeries.TRAIN_LOSS, 1500);
        assertTrue(xy[0].length <= 1500, "points: " + xy[0].length);
        assertEquals(0.001, xy[0][0]);
        assertEquals(100.0, xy[0][xy[0].length - 1]);
    }

    @Test
    void theVersionChangesWithEveryRow() {
        ClassifierSeries s = new ClassifierSeries();
        long v0 = s.version();
        ClassifierMetrics m = running(0.1, 1, 1, 0.1, 1e-3);
        s.append(m);
        assertTrue(s.version() != v0);
        assertSame(m, s.last());
    }
}
