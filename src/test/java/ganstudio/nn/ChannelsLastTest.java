package ganstudio.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ops.toChannelsLast and channels-last convolutions: same values, and the memory really NHWC. DJL shows no
 * strides, so the layout is read from aliasing: an NHWC-ordered flat reshape of a channels-last array is a
 * view of it (writing through it changes the array), of an NCHW array a copy.
 */
class ChannelsLastTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(3);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** Adds 1 through the NHWC flat reshape and says whether the array saw it. Needs more than one channel. */
    private static boolean isChannelsLast(NDArray x) {
        float before = x.sum().getFloat();
        x.transpose(0, 2, 3, 1).reshape(-1).addi(1f);
        return x.sum().getFloat() != before;
    }

    @Test
    void sameValuesInNhwcMemory() {
        NDArray x = manager.arange(120f).reshape(2, 3, 4, 5);
        NDArray cl = Ops.toChannelsLast(x);
        assertEquals(x.getShape(), cl.getShape());
        assertArrayEquals(x.toFloatArray(), cl.toFloatArray());
        assertTrue(isChannelsLast(cl));
        assertFalse(isChannelsLast(manager.arange(120f).reshape(2, 3, 4, 5)));
    }

    @Test
    void alreadyChannelsLastIsKept() {
        NDArray cl = Ops.toChannelsLast(manager.randomNormal(new Shape(2, 4, 3, 3)));
        NDArray again = Ops.toChannelsLast(cl);
        // A view of the same memory: writing to the first shows in the second.
        cl.addi(1f);
        assertArrayEquals(cl.toFloatArray(), again.toFloatArray());
        assertTrue(isChannelsLast(again));
    }

    @Test
    void channelsLastConvolutionKeepsTheLayoutAndTheValues() {
        Shape in = new Shape(4, 1, 12, 12);
        Conv plain = new Conv(32, 3, 1, 1);
        Conv cl = Conv.channelsLast(32, 3, 1, 1);
        plain.initialize(manager, DataType.FLOAT32, in);
        cl.initialize(manager, DataType.FLOAT32, in);
        cl.getParameters().get("weight").getArray().set(plain.getParameters().get("weight").getArray().toFloatArray());
        cl.getParameters().get("bias").getArray().set(plain.getParameters().get("bias").getArray().toFloatArray());
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray x = manager.randomNormal(in);
        NDArray expected = plain.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray got = cl.forward(ps, new NDList(x), false).singletonOrThrow();
        assertArrayEquals(expected.toFloatArray(), got.toFloatArray(), 1e-5f);
        assertTrue(isChannelsLast(got));
        assertFalse(isChannelsLast(plain.forward(ps, new NDList(x), false).singletonOrThrow()));
    }

    @Test
    void emptyBatch() {
        NDArray cl = Ops.toChannelsLast(manager.zeros(new Shape(0, 3, 4, 5)));
        assertEquals(new Shape(0, 3, 4, 5), cl.getShape());
    }

    @Test
    void fewFilterConvolutionLeavesTheLayout() {
        // Below 16 filters the convolution is patches times a matrix: nothing to gain from NHWC.
        Shape in = new Shape(2, 3, 8, 8);
        Conv cl = Conv.channelsLast(8, 3, 1, 1);
        cl.initialize(manager, DataType.FLOAT32, in);
        NDArray out = cl.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(in)), false)
                .singletonOrThrow();
        assertFalse(isChannelsLast(out));
    }

    /** The output of the baseline classifier's first conv, activation and max-pool (children 0-2, no norm). */
    private NDArray firstStage(ClassifierSpec spec) {
        SequentialBlock net = ClassifierNetworks.build(spec);
        Shape in = ClassifierNetworks.inputShape(spec, 4);
        net.initialize(manager, DataType.FLOAT32, in);
        ParameterStore ps = new ParameterStore(manager, false);
        NDList h = new NDList(manager.randomNormal(in));
        int layers = "none".equals(spec.norm()) ? 3 : 4;
        int i = 0;
        for (Pair<String, Block> child : net.getChildren()) {
            if (i++ == layers) {
                break;
            }
            h = child.getValue().forward(ps, h, true);
        }
        assertEquals(new Shape(4, 32, 14, 14), h.singletonOrThrow().getShape());
        return h.singletonOrThrow();
    }

    @Test
    void baselineClassifierStaysChannelsLastThroughReluAndMaxPool() {
        assertTrue(isChannelsLast(firstStage(ClassifierSpec.baseline(1, 28, 10))));
        ClassifierSpec grouped = new ClassifierSpec("baseline", 1, 28, 10, 32, 0, "group", 8, "relu", 0.01, 0, false,
                "he");
        assertFalse(isChannelsLast(firstStage(grouped)));
    }
}
