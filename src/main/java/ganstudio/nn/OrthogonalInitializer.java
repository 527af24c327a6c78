package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Orthogonal init (Saxe et al., 2014): the weight, seen as [out, in·k·k], gets orthonormal rows (or columns,
 * whichever are fewer), scaled by a gain. DJL has no QR, so Gram-Schmidt runs on the host once at start.
 */
public class OrthogonalInitializer implements Initializer {

    private final double gain;

    public OrthogonalInitializer(double gain) {
        this.gain = gain;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int rows = (int) shape.get(0);
        int cols = (int) (shape.size() / rows);
        boolean transpose = rows > cols;
        int vectors = transpose ? cols : rows;
        int length = transpose ? rows : cols;
        float[] normal;
        try (NDArray random = manager.randomNormal(new Shape(vectors, length))) {
            normal = random.toFloatArray();
        }
        double[][] q = new double[vectors][length];
        for (int i = 0; i < vectors; i++) {
            for (int j = 0; j < length; j++) {
                q[i][j] = normal[i * length + j];
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < length; j++) {
                        dot += q[i][j] * q[k][j];
                    }
                    for (int j = 0; j < length; j++) {
                        q[i][j] -= dot * q[k][j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < length; j++) {
                norm += q[i][j] * q[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < length; j++) {
                q[i][j] /= norm;
            }
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = transpose ? q[c][r] : q[r][c];
                out[r * cols + c] = (float) (gain * v);
            }
        }
        return manager.create(out, shape).toType(dataType, false);
    }
}
