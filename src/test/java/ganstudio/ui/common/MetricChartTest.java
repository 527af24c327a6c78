package ganstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ganstudio.metrics.StepMetrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MetricChartTest {

    @Test
    void everyMetricButTheBookkeepingIsDrawnExactlyOnce() {
        List<String> drawn = new ArrayList<>();
        for (MetricChart c : MetricChart.GAN) {
            for (MetricChart.Line l : c.lines()) {
                drawn.add(StepMetrics.COLUMNS.get(l.column()));
            }
        }
        assertEquals(List.of("loss_d", "loss_g", "w_estimate", "d_real", "d_fake", "grad_norm_g", "grad_norm_d",
                "penalty", "clip_fraction", "lr_g", "lr_d"), drawn);
    }

    @Test
    void aChartWithoutPointsSaysWhyOnceTheRunHasRows() {
        MetricChart clip = MetricChart.GAN.get(5);
        assertEquals("Critic weights at ±c (only for weight clipping)", clip.titleFor(true, 0));
        assertEquals("Critic weights at ±c", clip.titleFor(true, 12));
        assertEquals("Critic weights at ±c", clip.titleFor(false, 0)); // nothing logged yet: no verdict
        assertEquals("Losses", MetricChart.GAN.get(0).titleFor(true, 0));
    }
}
