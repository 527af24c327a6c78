package ganstudio.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The oneDNN check: it lists a network's convolutions and catches a convolution that is wrong now and then. */
class ConvCheckTest {

    private static final ConvCheck.Config CONFIG = new ConvCheck.Config(new Shape(4, 3, 8, 8), new Shape(16, 3, 4, 4),
            2, 1);

    @Test
    void recordsTheConvolutionsOfTheWorkInOrderOnce() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.randomNormal(new Shape(2, 3, 8, 8));
            NDArray w16 = m.randomNormal(new Shape(16, 3, 4, 4));
            NDArray w4 = m.randomNormal(new Shape(4, 16, 3, 3));
            List<ConvCheck.Config> seen = ConvCheck.record(() -> {
                NDArray y = Ops.conv2d(x, w16, null, 2, 1);
                Ops.conv2d(y, w4, null, 1, 1);
                Ops.conv2d(x, w16, null, 2, 1);
            });
            assertEquals(List.of(new ConvCheck.Config(new Shape(2, 3, 8, 8), new Shape(16, 3, 4, 4), 2, 1),
                    new ConvCheck.Config(new Shape(2, 16, 4, 4), new Shape(4, 16, 3, 3), 1, 1)), seen);
            assertTrue(seen.get(0).usesOneDnn());
            assertTrue(!seen.get(1).usesOneDnn());
            assertEquals("16->4 k3 s1 p1 on (2, 16, 4, 4)", seen.get(1).toString());
            assertEquals(List.of(), ConvCheck.record(() -> { }), "nothing recorded outside record()");
        }
    }

    @Test
    void pyTorchsConvolutionAgreesOnThisMachine() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ConvCheck.Result r = ConvCheck.check(m, CONFIG, 5);
            assertTrue(r.ok(), r.toString());
            assertEquals(5, r.calls());
            assertTrue(r.maxError() < 1e-5, r.toString());
        }
    }

    @Test
    void aConvolutionThatIsWrongEveryThirdCallOrGivesNaNIsCaught() {
        AtomicInteger call = new AtomicInteger();
        ConvCheck.Convolution flaky = (x, w, b, stride, padding) -> {
            NDArray y = Ops.plainConv(x, w, b, stride, padding);
            int n = call.getAndIncrement();
            if (n % 3 == 1) {
                return y.mul(1.01f); // 1% off: wrong
            }
            if (n % 3 == 2) {
                return y.add(Float.NaN);
            }
            return y;
        };
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ConvCheck.Result r = ConvCheck.check(m, CONFIG, 6, flaky);
            assertEquals(2, r.wrong(), r.toString()); // calls 1 and 4
            assertEquals(2, r.nonFinite(), r.toString()); // calls 2 and 5
            assertTrue(!r.ok());
            assertEquals(0.01, r.maxError(), 2e-3);
        }
    }
}
