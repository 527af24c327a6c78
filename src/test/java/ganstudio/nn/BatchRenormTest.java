package ganstudio.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

/** Batch Renormalization: at the initial moving averages (μ 0, σ 1) the unclipped correction undoes the batch norm. */
class BatchRenormTest {

    @Test
    void correctsTheBatchStatisticsBackToTheMovingOnes() {
        Engine.getInstance();
        try (NDManager m = NDManager.newBaseManager()) {
            BatchRenorm bn = new BatchRenorm(0.5f, 3f, 5f);
            bn.initialize(m, DataType.FLOAT32, new Shape(2, 2, 1, 2));
            ParameterStore ps = new ParameterStore(m, false);
            // channel 0: values 1, 3, 1, 3 (mean 2, std 1); channel 1: 0, 4, 0, 4 (mean 2, std 2)
            float[] v = {1, 3, 0, 4, 1, 3, 0, 4};
            NDArray x = m.create(v, new Shape(2, 2, 1, 2));
            float[] y = bn.forward(ps, new NDList(x), true).singletonOrThrow().toFloatArray();
            // r = σB/1, d = μB/1, both inside the clips: y = (x − μB)/σB·σB + μB = x
            assertArrayEquals(v, y, 1e-4f);
            // moving averages after one batch with momentum 0.5: μ = (1, 1), σ = (1, 1.5)
            float[] inference = bn.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            assertEquals((1 - 1) / 1f, inference[0], 1e-3f);
            assertEquals((4 - 1) / 1.5f, inference[3], 1e-3f);
        }
    }
}
