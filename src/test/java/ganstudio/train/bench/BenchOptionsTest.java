package ganstudio.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ganstudio.config.UserError;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void noWorkloadNamedTimesEveryWorkload() {
        BenchOptions o = BenchOptions.create(null, 30, 5, 0, "cpu", 0, 0);
        assertEquals(BenchOptions.WORKLOADS, o.workloads());
        assertEquals(30, o.iters());
        assertEquals(0, o.soak());
    }

    @Test
    void workloadsKeepTheirOrderOnceEach() {
        BenchOptions o = BenchOptions.create("mlp2d-wgan-gp, dcgan-gan,mlp2d-wgan-gp,", 7, 0, 2, "gpu:1", 0, 0);
        assertEquals(List.of("mlp2d-wgan-gp", "dcgan-gan"), o.workloads());
        assertEquals("gpu:1", o.device());
    }

    @Test
    void soakDefaultsToWganGp() {
        assertEquals(List.of("dcgan-wgan-gp"), BenchOptions.create(null, 30, 5, 0, "cpu", 2000, 100).workloads());
        assertEquals(List.of("classifier-fashion"),
                BenchOptions.create("classifier-fashion", 30, 5, 0, "cpu", 5, 0).workloads());
    }

    @Test
    void badValuesNameTheOption() {
        assertMessage("unknown workload 'dcgan'; expected one or more of dcgan-gan, dcgan-wgan, dcgan-wgan-gp, "
                + "mlp2d-wgan-gp, classifier-fashion (comma-separated)", () -> BenchOptions.create("dcgan", 1, 0, 0,
                        "cpu", 0, 0));
        assertMessage("--iters 0: expected a whole number >= 1", () -> BenchOptions.create(null, 0, 0, 0, "cpu", 0, 0));
        assertMessage("--warmup -1: expected a whole number >= 0",
                () -> BenchOptions.create(null, 1, -1, 0, "cpu", 0, 0));
        assertMessage("--device tpu: expected cpu, gpu or gpu:N", () -> BenchOptions.create(null, 1, 0, 0, "tpu", 0,
                0));
        assertMessage("--soak runs one workload; name one with --workloads (default dcgan-wgan-gp)",
                () -> BenchOptions.create("dcgan-gan,dcgan-wgan", 1, 0, 0, "cpu", 10, 0));
        assertMessage("--workloads ,: name at least one of dcgan-gan, dcgan-wgan, dcgan-wgan-gp, mlp2d-wgan-gp, "
                + "classifier-fashion", () -> BenchOptions.create(",", 1, 0, 0, "cpu", 0, 0));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(UserError.class, call).getMessage());
    }
}
