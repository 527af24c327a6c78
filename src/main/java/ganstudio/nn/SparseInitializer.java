package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

import java.util.Random;

/**
 * Sparse init (Martens, 2010): each unit gets k = min(connections, fan-in) nonzero incoming weights. Martens
 * draws them from N(0, 1); that explodes in a deep ReLU net whose fan-in is below 15 (a 3x3 conv on one
 * channel), so they are drawn from N(0, 2/k), which keeps He's variance per unit.
 */
public class SparseInitializer implements Initializer {

    private final int connections;
    private final Random random = new Random(0);

    public SparseInitializer(int connections) {
        this.connections = connections;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int rows = (int) shape.get(0);
        int fanIn = (int) (shape.size() / rows);
        int k = Math.min(connections, fanIn);
        long seed;
        try (NDArray s = manager.randomUniform(0, 1 << 24, new Shape(1))) {
            seed = (long) s.getFloat(0); // follows the engine's seed, so runs with one seed match
        }
        random.setSeed(seed);
        float[] w = new float[rows * fanIn];
        int[] index = new int[fanIn];
        double std = Math.sqrt(2.0 / k);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < fanIn; i++) {
                index[i] = i;
            }
            for (int i = 0; i < k; i++) { // partial Fisher-Yates: k distinct inputs
                int j = i + random.nextInt(fanIn - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
                w[r * fanIn + index[i]] = (float) (random.nextGaussian() * std);
            }
        }
        return manager.create(w, shape).toType(dataType, false);
    }
}
