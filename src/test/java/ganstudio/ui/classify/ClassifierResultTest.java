package ganstudio.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.ClassificationReport;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClassifierResultTest {

    @Test
    void validationNamesItsEpochAndTheTestReportIsFinal() {
        ClassificationReport val = ConfusionMatrixModelTest.report("validation");
        ClassifierResult v = ClassifierResult.of(val, 3.0, "Tricks on: none");
        assertEquals("Validation after epoch 3:  top-1 78.57%  \u00b7  top-5 100.00%", v.headline());
        assertFalse(v.isFinal());
        assertEquals("Tricks on: none", v.note());
        assertSame(val, v.report());
        ClassifierResult t = ClassifierResult.of(ConfusionMatrixModelTest.report("test"), Double.NaN, "n");
        assertEquals("Test set:  top-1 78.57%  \u00b7  top-5 100.00%", t.headline());
        assertTrue(t.isFinal());
        assertEquals("Test set: 14 images, loss 0.5000. Rows: true class; colour: share of the row", t.caption());
        assertEquals("x", t.withNote("x").note());
        assertEquals(t.headline(), t.withNote("x").headline());
    }

    @Test
    void anOpenedRunWithoutTestReportShowsItsLastValidation() {
        ClassifierRunSnapshot snap = new ClassifierRunSnapshot(Paths.get("runs/r"), "r", "stopped", "",
                List.of(ClassifierSeriesTest.running(0.5, 2, 1.5, 0.3, 1e-3),
                        ClassifierSeriesTest.epochEnd(1.0, 4, 1.0, 0.5, 0.9, 0.6),
                        ClassifierSeriesTest.running(1.5, 6, 0.9, 0.6, 1e-3)),
                null, List.of());
        ClassifierResult r = ClassifierResult.opened(snap);
        assertEquals("Validation after epoch 1:  top-1 60.00%  \u00b7  top-5 99.00%", r.headline());
        assertEquals("r   \u00b7   stopped, 1 epochs logged", r.note());
        assertNull(r.report());
        assertEquals("No test report in this run's summary (stopped)", r.placeholder());

        ClassifierRunSnapshot empty = new ClassifierRunSnapshot(Paths.get("runs/e"), "e", "failed", "NaN", List.of(),
                null, List.of());
        assertEquals("No epoch finished in this run", ClassifierResult.opened(empty).headline());
    }

    @Test
    void aFailedRunSaysSoAndKeepsItsLastMatrix() {
        ClassifierResult before = ClassifierResult.training("Tricks on: none").failed();
        assertEquals("Training failed before the first validation", before.headline());
        assertEquals("Tricks on: none", before.note());
        assertEquals("No confusion matrix: the run failed before an epoch finished", before.placeholder());
        ClassificationReport val = ConfusionMatrixModelTest.report("validation");
        ClassifierResult after = ClassifierResult.of(val, 2, "").failed();
        assertEquals("Training failed; the last validation is shown", after.headline());
        assertSame(val, after.report());
        assertFalse(after.isFinal());
    }
}
