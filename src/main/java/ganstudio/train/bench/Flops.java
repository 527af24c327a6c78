package ganstudio.train.bench;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import ganstudio.nn.Conv;
import ganstudio.nn.Deconv;
import ganstudio.nn.Dense;
import ganstudio.nn.Residual;

/**
 * Analytic floating-point operation counts of the bench workloads.
 *
 * <p>Counting rules (the same in src/bench/pytorch_reference.py, so both engines' GFLOP/s use one number):
 * <ul>
 *   <li>Forward F of a network: 2 FLOPs per multiply-add of its dense, convolution and transposed convolution
 *       layers (a transposed convolution counted by its scatter definition, N·Cin·H·W·Cout·k²); element-wise
 *       ops, normalization, pooling and losses count 0.</li>
 *   <li>Backward through a network whose weights are trained: 2F (weight gradients F, input gradients F).
 *       Backward through a frozen network (the critic during the generator step): F (input gradients only).</li>
 *   <li>Gradient penalty on a critic step: forward on x̂ (F), the input gradient (F), and the backward of both
 *       to the weights (2F + 2F): 6F.</li>
 * </ul>
 * The count follows the workload's algorithm as the PyTorch reference writes it, not one engine's way of doing
 * it: e.g. the studio draws the critic's and the generator's fakes from separate noise, the reference reuses one
 * generator forward in dcgan-gan; the count charges one generator forward there.
 */
public final class Flops {

    private Flops() {}

    /** Forward FLOPs of an initialized network on an input of this shape (batch axis first). */
    public static long forward(Block block, Shape input) {
        return walk(block, input).flops;
    }

    private record Walk(long flops, Shape out) {}

    private static Walk walk(Block block, Shape in) {
        if (block instanceof Dense) {
            Shape out = block.getOutputShapes(new Shape[] {in})[0];
            long rows = in.size() / in.get(in.dimension() - 1);
            return new Walk(2 * rows * in.get(in.dimension() - 1) * out.get(out.dimension() - 1), out);
        }
        if (block instanceof Conv) {
            Shape out = block.getOutputShapes(new Shape[] {in})[0];
            Shape w = weightShape(block);
            return new Walk(2 * out.size() * w.get(1) * w.get(2) * w.get(3), out);
        }
        if (block instanceof Deconv) {
            Shape out = block.getOutputShapes(new Shape[] {in})[0];
            Shape w = weightShape(block);
            return new Walk(2 * in.size() * w.get(1) * w.get(2) * w.get(3), out);
        }
        if (block instanceof Residual) {
            Walk body = walk(((Residual) block).getBody(), in);
            return new Walk(body.flops, block.getOutputShapes(new Shape[] {in})[0]);
        }
        if (!block.getChildren().isEmpty()) {
            long total = 0;
            Shape shape = in;
            for (Pair<String, Block> child : block.getChildren()) {
                Walk w = walk(child.getValue(), shape);
                total += w.flops;
                shape = w.out;
            }
            return new Walk(total, shape);
        }
        return new Walk(0, block.getOutputShapes(new Shape[] {in})[0]);
    }

    private static Shape weightShape(Block block) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                return p.getValue().getArray().getShape();
            }
        }
        throw new IllegalStateException(block.getClass().getSimpleName() + " has no weight");
    }

    /**
     * FLOPs of one generator iteration of a GAN workload, by the rules above.
     *
     * @param g forward FLOPs of the generator on one batch
     * @param d forward FLOPs of the critic on one batch
     * @param nCritic critic steps per generator step
     * @param penalty whether each critic step adds a gradient penalty
     * @param sharedFake whether the generator step reuses the fake batch of the (single) critic step, as the
     *     reference's dcgan-gan does; then the critic step's generator forward is the generator step's
     */
    public static long ganIteration(long g, long d, int nCritic, boolean penalty, boolean sharedFake) {
        // Critic step: G forward (no grad), D forward + backward on real and fake, optional penalty.
        long critic = (sharedFake ? 0 : g) + 2 * 3 * d + (penalty ? 6 * d : 0);
        // Generator step: G forward + backward (3g), D forward + input-gradient backward (2d).
        long generator = 3 * g + 2 * d;
        return nCritic * critic + generator;
    }

    /** FLOPs of one supervised training step: forward + backward with weight gradients. */
    public static long trainingStep(long forward) {
        return 3 * forward;
    }

    /** FLOPs of an n×n by n×n matrix product. */
    public static long matmul(long n) {
        return 2 * n * n * n;
    }
}
