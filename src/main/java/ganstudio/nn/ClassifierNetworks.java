package ganstudio.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

import ganstudio.config.UserError;

/** Builds image classifiers: [N, C, H, W] in, class logits [N, classes] out. */
public final class ClassifierNetworks {

    private ClassifierNetworks() {}

    public static SequentialBlock build(ClassifierSpec spec) {
        switch (spec.arch()) {
            case "baseline":
                return baseline(spec);
            case "resnet":
                return resnet(spec);
            default:
                throw new UserError("cls.arch = " + spec.arch() + " is not allowed: expected baseline or resnet");
        }
    }

    public static Shape inputShape(ClassifierSpec spec, long batch) {
        return new Shape(batch, spec.channels(), spec.imageSize(), spec.imageSize());
    }

    /** The weight initializer for a classifier's init name. */
    public static Initializer initializer(String init) {
        switch (init) {
            case "xavier":
                return new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 6);
            case "he":
                return new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2);
            case "orthogonal":
                return new OrthogonalInitializer(Math.sqrt(2));
            case "sparse":
                return new SparseInitializer(15);
            default:
                throw new UserError("cls.init = " + init + " is not allowed: expected xavier, he, orthogonal or sparse");
        }
    }

    /**
     * conv3x3(w) → pool → conv3x3(2w) → pool → dense 128 → dense classes, norm after each conv. Without a norm
     * its convolutions run channels-last on the CPU (the max-pool's NCHW kernel was the step's largest;
     * docs/measurements/channels-last-convolutions.md). A GroupNorm reshapes back to NCHW, and nothing with a norm
     * was measured
     * faster in that layout: the resnet and the DCGAN networks were slower, so they stay NCHW.
     */
    private static SequentialBlock baseline(ClassifierSpec spec) {
        SequentialBlock net = new SequentialBlock();
        long w = spec.width();
        boolean channelsLast = "none".equals(spec.norm());
        for (int stage = 0; stage < 2; stage++) {
            net.add(channelsLast ? Conv.channelsLast(w << stage, 3, 1, 1) : new Conv(w << stage, 3, 1, 1));
            addNorm(net, spec, w << stage);
            net.add(Act.of(spec.activation(), spec.slope()));
            net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        net.add(new Reshape(-1));
        net.add(new Dense(128));
        net.add(Act.of(spec.activation(), spec.slope()));
        if (spec.dropout() > 0) {
            net.add(new Dropout((float) spec.dropout()));
        }
        net.add(new Dense(spec.classes()));
        return net;
    }

    /**
     * A small ResNet for 28-32 px images: stem conv3x3(w), three stages of {@code blocks} basic blocks at w, 2w,
     * 4w channels, a stride-2 conv between stages, global average pooling, dropout, dense.
     */
    private static SequentialBlock resnet(ClassifierSpec spec) {
        SequentialBlock net = new SequentialBlock();
        long channels = spec.width();
        net.add(new Conv(channels, 3, 1, 1));
        addNorm(net, spec, channels);
        net.add(Act.of(spec.activation(), spec.slope()));
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                channels *= 2;
                net.add(new Conv(channels, 3, 2, 1));
                addNorm(net, spec, channels);
                net.add(Act.of(spec.activation(), spec.slope()));
            }
            for (int b = 0; b < spec.blocks(); b++) {
                GradSequential body = new GradSequential();
                body.add(new Conv(channels, 3, 1, 1));
                addNorm(body, spec, channels);
                body.add(Act.of(spec.activation(), spec.slope()));
                body.add(new Conv(channels, 3, 1, 1));
                addNorm(body, spec, channels);
                net.add(spec.residual() ? new Residual(body) : body);
                net.add(Act.of(spec.activation(), spec.slope()));
            }
        }
        net.add(Pool.globalAvgPool2dBlock());
        if (spec.dropout() > 0) {
            net.add(new Dropout((float) spec.dropout()));
        }
        net.add(new Dense(spec.classes()));
        return net;
    }

    private static void addNorm(SequentialBlock net, ClassifierSpec spec, long channels) {
        Block n = normalization(spec, channels);
        if (n != null) {
            net.add(n);
        }
    }

    private static Block normalization(ClassifierSpec spec, long channels) {
        switch (spec.norm()) {
            case "batch":
                return BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build();
            case "batchrenorm":
                return new BatchRenorm(0.01f, 3f, 5f);
            case "group":
                return new GroupNorm((int) Math.min(spec.groups(), channels));
            case "layer":
                return new GroupNorm(1);
            case "none":
                return null;
            default:
                throw new UserError("cls.norm = " + spec.norm()
                        + " is not allowed: expected none, batch, batchrenorm, group or layer");
        }
    }
}
