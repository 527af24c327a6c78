package ganstudio.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;

import ganstudio.config.UserError;

/**
 * Builds generator and critic networks: MLPs for 2D data, DCGAN-style convolutional nets for 28, 32 and 64
 * pixel images. The 28-pixel DCGAN pair is exactly the benchmark's (shared/bench/pytorch_reference.py).
 */
public final class GanNetworks {

    private GanNetworks() {}

    /** Shape of one generator input, batch axis included. */
    public static Shape noiseShape(NetworkSpec spec, long batch) {
        return new Shape(batch, spec.zDim());
    }

    /** Shape of one data sample batch. */
    public static Shape sampleShape(NetworkSpec spec, long batch) {
        return spec.twoDimensional() ? new Shape(batch, 2)
                : new Shape(batch, spec.channels(), spec.imageSize(), spec.imageSize());
    }

    /** Shape of the critic's input for a batch of {@code batch} samples: packs of m, side by side on axis 1. */
    public static Shape criticInputShape(NetworkSpec spec, long batch) {
        return pack(sampleShape(spec, batch), spec.stabilizers().pack());
    }

    /** [N, C, ...] as [N / m, m·C, ...]: consecutive samples concatenated along axis 1, as PacGAN packs them. */
    public static Shape pack(Shape samples, int m) {
        long[] dims = samples.getShape().clone();
        dims[0] /= m;
        dims[1] *= m;
        return new Shape(dims);
    }

    public static GradSequential generator(NetworkSpec spec) {
        if (!spec.twoDimensional()) {
            return dcganGenerator(spec);
        }
        GradSequential g = new GradSequential();
        addMlpLayers(g, spec, spec.gWidth(), 2, spec.gNorm(), spec.gActivation(), 0,
                spec.stabilizers().spectralGenerator(), false);
        if (spec.dataScale() != 1.0) {
            g.addLayer(new Scale((float) spec.dataScale()));
        }
        return g;
    }

    public static GradSequential critic(NetworkSpec spec) {
        if (!spec.twoDimensional()) {
            return dcganCritic(spec);
        }
        GradSequential d = new GradSequential();
        if (spec.dataScale() != 1.0) {
            d.addLayer(new Scale((float) (1 / spec.dataScale())));
        }
        addMlpLayers(d, spec, spec.dWidth(), 1, spec.dNorm(), spec.dActivation(), spec.dDropout(),
                spec.stabilizers().spectralCritic(), spec.stabilizers().minibatchStd());
        return d;
    }

    /** Whether a network's output for one sample depends on the others in its batch (batch norm, minibatch std). */
    public static boolean mixesSamples(Block block) {
        if (block instanceof BatchNorm || block instanceof MinibatchStd) {
            return true;
        }
        for (Pair<String, Block> child : block.getChildren()) {
            if (mixesSamples(child.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The weight initializer for the config's init name. */
    public static Initializer initializer(String init) {
        switch (init) {
            case "dcgan":
                return new NormalInitializer(0.02f);
            case "xavier":
                return new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 6);
            case "he":
                return new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2);
            case "orthogonal":
                return new OrthogonalInitializer(1.0);
            default:
                throw new UserError("model.init = " + init + " is not allowed: expected dcgan, xavier, he or orthogonal");
        }
    }

    private static void addMlpLayers(GradSequential net, NetworkSpec spec, int width, int out, String norm, String act,
            double dropout, boolean spectral, boolean minibatchStd) {
        net.addLayer(new Dense(width, spectral));
        addNormActDrop(net, norm, spec, act, dropout);
        for (int i = 1; i < spec.depth(); i++) {
            GradSequential layer = new GradSequential().addLayer(new Dense(width, spectral));
            addNormActDrop(layer, norm, spec, act, dropout);
            net.addLayer(spec.residual() ? new Residual(layer) : layer);
        }
        if (minibatchStd) {
            net.addLayer(new MinibatchStd());
        }
        net.addLayer(new Dense(out, spectral));
    }

    private static void addNormActDrop(GradSequential net, String norm, NetworkSpec spec, String act, double dropout) {
        Block n = normalization(norm, spec.groups());
        if (n != null) {
            net.addLayer(n);
        }
        net.addLayer(Act.of(act, spec.slope()));
        if (dropout > 0) {
            net.addLayer(new Dropout((float) dropout));
        }
    }

    private static Block normalization(String norm, int groups) {
        switch (norm) {
            case "batch":
                return BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
            case "group":
                return new GroupNorm(groups);
            case "layer":
                return new GroupNorm(1);
            default:
                return null;
        }
    }

    /** Upsampling stages and the starting side: 28 = 7·2², 32 = 4·2³, 64 = 4·2⁴. */
    private static int[] stages(int size) {
        switch (size) {
            case 28:
                return new int[] {2, 7};
            case 32:
                return new int[] {3, 4};
            case 64:
                return new int[] {4, 4};
            default:
                throw new UserError("data.imageSize = " + size + ": DCGAN networks take 28, 32 or 64 pixels");
        }
    }

    private static GradSequential dcganGenerator(NetworkSpec spec) {
        int[] st = stages(spec.imageSize());
        int ups = st[0];
        int side = st[1];
        long channels = (long) spec.gWidth() << (ups - 1);
        boolean sn = spec.stabilizers().spectralGenerator();
        GradSequential g = new GradSequential();
        g.addLayer(new Dense(channels * side * side, sn));
        addNormActDrop(g, spec.gNorm(), spec, spec.gActivation(), 0);
        g.addLayer(new Reshape(channels, side, side));
        for (int i = 0; i < ups; i++) {
            addExtraBlocks(g, spec, channels, spec.gNorm(), spec.gActivation(), 0, sn);
            boolean last = i == ups - 1;
            long next = last ? spec.channels() : channels / 2;
            g.addLayer(new Deconv(next, 4, 2, 1, sn));
            if (!last) {
                addNormActDrop(g, spec.gNorm(), spec, spec.gActivation(), 0);
            }
            channels = next;
        }
        g.addLayer(new Act(Act.Kind.TANH, 0));
        return g;
    }

    private static GradSequential dcganCritic(NetworkSpec spec) {
        int downs = stages(spec.imageSize())[0];
        int side = spec.imageSize() >> downs;
        long channels = spec.dWidth();
        boolean sn = spec.stabilizers().spectralCritic();
        GradSequential d = new GradSequential();
        for (int i = 0; i < downs; i++) {
            d.addLayer(new Conv(channels, 4, 2, 1, sn));
            // As in DCGAN, the first layer sees raw pixels and is not normalized.
            addNormActDrop(d, i == 0 ? "none" : spec.dNorm(), spec, spec.dActivation(), spec.dDropout());
            addExtraBlocks(d, spec, channels, spec.dNorm(), spec.dActivation(), spec.dDropout(), sn);
            if (i < downs - 1) {
                channels *= 2;
            }
        }
        if (spec.stabilizers().minibatchStd()) {
            d.addLayer(new MinibatchStd());
        }
        d.addLayer(new Reshape(-1));
        d.addLayer(new Dense(1, sn));
        assert side > 0;
        return d;
    }

    private static void addExtraBlocks(GradSequential net, NetworkSpec spec, long channels, String norm, String act,
            double dropout, boolean spectral) {
        for (int b = 0; b < spec.extraBlocks(); b++) {
            GradSequential block = new GradSequential().addLayer(new Conv(channels, 3, 1, 1, spectral));
            addNormActDrop(block, norm, spec, act, dropout);
            net.addLayer(spec.residual() ? new Residual(block) : block);
        }
    }
}
