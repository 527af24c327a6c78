package ganstudio.ui.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.ClassificationReport;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfusionMatrixModelTest {

    /** 3 classes; "cat" has no samples. Rows are the true class. */
    static ClassificationReport report(String set) {
        long[][] confusion = {{8, 2, 0}, {1, 3, 0}, {0, 0, 0}};
        return new ClassificationReport(set, 0.5, 11 / 14.0, 1.0, confusion, List.of("shirt", "coat", "cat"));
    }

    @Test
    void coloursFollowTheShareOfTheRow() {
        ConfusionMatrixModel m = new ConfusionMatrixModel(report("validation"));
        assertEquals(3, m.classes());
        assertEquals(10, m.rowTotal(0));
        assertEquals(0.8, m.rowFraction(0, 0), 1e-12);
        assertEquals(0.2, m.rowFraction(0, 1), 1e-12);
        assertEquals(0.25, m.rowFraction(1, 0), 1e-12);
        assertEquals(0.0, m.rowFraction(2, 2)); // an empty row is blank, not NaN
        assertEquals(Math.sqrt(0.2), m.intensity(0, 1), 1e-12);
        assertEquals(0.5, m.intensity(1, 0), 1e-12);
        assertEquals(0.8, m.classAccuracy(0), 1e-12);
        assertEquals(0.75, m.classAccuracy(1), 1e-12);
        assertTrue(Double.isNaN(m.classAccuracy(2)));
    }

    @Test
    void mixesColoursChannelByChannel() {
        assertEquals(0x102030, ConfusionMatrixModel.mix(0x102030, 0x405060, 0));
        assertEquals(0x405060, ConfusionMatrixModel.mix(0x102030, 0x405060, 1));
        assertEquals(0x1c2c3c, ConfusionMatrixModel.mix(0x102030, 0x405060, 0.25));
        assertEquals(0x808080, ConfusionMatrixModel.mix(0x000000, 0xffffff, 0.5)); // 127.5 rounds up
        assertEquals(0x405060, ConfusionMatrixModel.mix(0x102030, 0x405060, 7)); // clamped
    }

    @Test
    void cellTextContrastsWithTheCell() {
        assertEquals(0x111111, ConfusionMatrixModel.textOn(0xffffff));
        assertEquals(0xffffff, ConfusionMatrixModel.textOn(0x000000));
        // The two themes' ends of the scale (ConfusionMatrixPane.Palette).
        assertEquals(0xffffff, ConfusionMatrixModel.textOn(0x1f6fb5));
        assertEquals(0x111111, ConfusionMatrixModel.textOn(0xf4f6f9));
        assertEquals(0x111111, ConfusionMatrixModel.textOn(0x4aa3ec));
        assertEquals(0xffffff, ConfusionMatrixModel.textOn(0x262a31));
    }

    @Test
    void tooltipAndHeadlineInWords() {
        ConfusionMatrixModel m = new ConfusionMatrixModel(report("test"));
        assertEquals("true shirt, predicted coat: 2 of 10 (20.0% of shirt)", m.tooltip(0, 1));
        assertEquals("true coat, predicted coat: 3 of 4 (75.0% of coat)\ncorrect", m.tooltip(1, 1));
        assertEquals("top-1 78.57%  \u00b7  top-5 100.00%", ConfusionMatrixModel.headline(report("test")));
        assertEquals("Test set: 14 images, loss 0.5000. Rows: true class; colour: share of the row",
                ConfusionMatrixModel.caption(report("test")));
        assertEquals("Validation set: 14 images, loss 0.5000. Rows: true class; colour: share of the row",
                ConfusionMatrixModel.caption(report("validation")));
    }
}
