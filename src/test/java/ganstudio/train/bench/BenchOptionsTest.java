package ganstudio.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsTimeEveryWorkload() {
        BenchOptions o = BenchOptions.parse(List.of());
        assertEquals(BenchOptions.WORKLOADS, o.workloads());
        assertEquals(30, o.iters());
        assertEquals(5, o.warmup());
        assertEquals(0, o.threads());
        assertEquals("cpu", o.device());
        assertEquals(0, o.soak());
    }

    @Test
    void parsesEveryOption() {
        BenchOptions o = BenchOptions.parse(List.of("--workloads", "mlp2d-wgan-gp, dcgan-gan", "--iters", "7",
                "--warmup=0", "--threads", "2", "--device", "gpu:1"));
        assertEquals(List.of("mlp2d-wgan-gp", "dcgan-gan"), o.workloads());
        assertEquals(7, o.iters());
        assertEquals(0, o.warmup());
        assertEquals(2, o.threads());
        assertEquals("gpu:1", o.device());
    }

    @Test
    void soakDefaultsToWganGp() {
        BenchOptions o = BenchOptions.parse(List.of("--soak", "2000", "--soak-every", "100"));
        assertEquals(List.of("dcgan-wgan-gp"), o.workloads());
        assertEquals(2000, o.soak());
        assertEquals(100, o.soakEvery());
        assertEquals(List.of("classifier-fashion"),
                BenchOptions.parse(List.of("--soak", "5", "--workloads", "classifier-fashion")).workloads());
    }

    @Test
    void badInputIsAUserError() {
        assertMessage("unknown workload 'dcgan'", "--workloads", "dcgan");
        assertMessage("--iters 0: expected an integer >= 1", "--iters", "0");
        assertMessage("--iters x: expected an integer >= 1", "--iters", "x");
        assertMessage("--warmup -1: expected an integer >= 0", "--warmup", "-1");
        assertMessage("--device tpu", "--device", "tpu");
        assertMessage("unknown option --fast", "--fast", "1");
        assertMessage("--iters needs a value", "--iters");
        assertMessage("--soak runs one workload", "--soak", "10", "--workloads", "dcgan-gan,dcgan-wgan");
    }

    private static void assertMessage(String expected, String... args) {
        UserError e = assertThrows(UserError.class, () -> BenchOptions.parse(List.of(args)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
