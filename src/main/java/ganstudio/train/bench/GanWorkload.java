package ganstudio.train.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;

import ganstudio.config.RunConfig;
import ganstudio.data.ImageSet;
import ganstudio.data.Mixture2D;
import ganstudio.data.TrainingData;
import ganstudio.nn.GanNetworks;
import ganstudio.nn.NetworkSpec;
import ganstudio.train.gan.GanTrainer;
import ganstudio.config.ConfigSchema;

import java.util.Random;

/**
 * A GAN workload of the bench: the real {@link GanTrainer} with the settings of the PyTorch reference
 * (src/bench/pytorch_reference.py) on in-memory random data; one iteration is {@link GanTrainer#step}.
 */
final class GanWorkload implements Workload {

    /** Images in the random data set: ten batches, gathered in shuffled order as from a real data set. */
    private static final int IMAGES = 640;

    private final String name;
    private final RunConfig config;
    private final GanTrainer trainer;
    private final long flops;

    private GanWorkload(String name, RunConfig config, TrainingData data, Device device, boolean sharedFake) {
        this.name = name;
        this.config = config;
        this.flops = count(config, data, sharedFake);
        this.trainer = new GanTrainer(config, data, device);
    }

    static GanWorkload create(String name, int threads, Device device) {
        RunConfig c = RunConfig.defaults().with("seed", "0").with("steps", "100000000")
                .with("threads", String.valueOf(threads)).with("log.noiseBank", "16").with("log.heatmap", "8");
        switch (name) {
            case "dcgan-gan":
                c = dcgan(c).with("model.dNorm", "batch").with("objective.kind", "nsgan")
                        .with("objective.nCritic", "1")
                        .with("optG.kind", "adam").with("optG.lr", "2e-4").with("optG.beta1", "0.5")
                        .with("optG.beta2", "0.999")
                        .with("optD.kind", "adam").with("optD.lr", "2e-4").with("optD.beta1", "0.5")
                        .with("optD.beta2", "0.999");
                return new GanWorkload(name, c, images(), device, true);
            case "dcgan-wgan":
                c = dcgan(c).with("model.dNorm", "none").with("objective.kind", "wgan")
                        .with("objective.nCritic", "5").with("objective.clip", "0.01")
                        .with("objective.burst", "false")
                        .with("optG.kind", "rmsprop").with("optG.lr", "5e-5").with("optG.alpha", "0.99")
                        .with("optD.kind", "rmsprop").with("optD.lr", "5e-5").with("optD.alpha", "0.99");
                return new GanWorkload(name, c, images(), device, false);
            case "dcgan-wgan-gp":
                c = wganGpOptimizers(dcgan(c).with("model.dNorm", "none"));
                return new GanWorkload(name, c, images(), device, false);
            case "mlp2d-wgan-gp":
                // The reference: MLPs 2-512-512-512-1 and z = 2 -> 512x3 -> 2, ReLU in both, batch 256.
                c = wganGpOptimizers(c.with("data.kind", "ring8").with("batchSize", "256")
                        .with("model.zDim", "2").with("model.depth", "3").with("model.gWidth", "512")
                        .with("model.dWidth", "512").with("model.gNorm", "none").with("model.dNorm", "none")
                        .with("model.gActivation", "relu").with("model.dActivation", "relu")
                        .with("model.init", "he"));
                return new GanWorkload(name, c, new TrainingData(Mixture2D.ring8(), null), device, false);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** The reference's DCGAN pair: 28x28x1, z = 100, 64 base channels, batch norm in G, leaky ReLU 0.2 in D. */
    private static RunConfig dcgan(RunConfig c) {
        return c.with("data.kind", "fashion-mnist").with("batchSize", "64").with("model.zDim", "100")
                .with("model.gWidth", "64").with("model.dWidth", "64").with("model.gNorm", "batch")
                .with("model.gActivation", "relu").with("model.dActivation", "leakyrelu")
                .with("model.slope", "0.2").with("model.init", "dcgan");
    }

    private static RunConfig wganGpOptimizers(RunConfig c) {
        return c.with("objective.kind", "wgan-gp").with("objective.nCritic", "5").with("objective.lambda", "10")
                .with("optG.kind", "adam").with("optG.lr", "1e-4").with("optG.beta1", "0.5").with("optG.beta2", "0.9")
                .with("optD.kind", "adam").with("optD.lr", "1e-4").with("optD.beta1", "0.5").with("optD.beta2", "0.9");
    }

    /** Uniform random pixels in [-1, 1), as the reference's torch.rand(...) * 2 - 1. */
    private static TrainingData images() {
        Random r = new Random(0);
        float[] pixels = new float[IMAGES * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextFloat() * 2 - 1;
        }
        return new TrainingData(null, new ImageSet(IMAGES, 1, 28, 28, pixels, null, null, "random"));
    }

    /** Counts on a throwaway copy of the two networks, so the trainer's own stay untouched. */
    static long count(RunConfig c, TrainingData data, boolean sharedFake) {
        NetworkSpec spec = NetworkSpec.from(c, data.channels(), data.imageSize());
        int batch = c.getInt(ConfigSchema.BATCH_SIZE);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Block g = GanNetworks.generator(spec);
            Block d = GanNetworks.critic(spec);
            g.initialize(m, DataType.FLOAT32, GanNetworks.noiseShape(spec, batch));
            d.initialize(m, DataType.FLOAT32, GanNetworks.sampleShape(spec, batch));
            long fg = Flops.forward(g, GanNetworks.noiseShape(spec, batch));
            long fd = Flops.forward(d, GanNetworks.sampleShape(spec, batch));
            String kind = c.getString(ConfigSchema.OBJECTIVE_KIND);
            return Flops.ganIteration(fg, fd, c.getInt(ConfigSchema.OBJECTIVE_N_CRITIC), "wgan-gp".equals(kind),
                    sharedFake);
        }
    }

    GanTrainer trainer() {
        return trainer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int batchSize() {
        return config.getInt(ConfigSchema.BATCH_SIZE);
    }

    @Override
    public long flopsPerIteration() {
        return flops;
    }

    @Override
    public void iterate() {
        // The losses come back to the JVM on every step (a synchronization point on a GPU).
        trainer.step(false);
    }

    @Override
    public void close() {
        trainer.close();
    }
}
