package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks this machine's oneDNN convolutions against the patches-times-matrix path, for the convolutions a network
 * really runs. PyTorch 2.5.1's oneDNN returned wrong and NaN gradients at random on one of this project's machines
 * (AMD EPYC; see {@link Ops#MIN_ONEDNN_FILTERS}) and not on another (Intel Xeon): a defect of a CPU and a kernel,
 * so the only way to know is to measure on the machine. {@link #record} lists the convolutions of a training step;
 * {@link #check} runs one of them many times, forward and both gradients, and counts the calls that disagree with
 * the matrix product's answer or are not finite.
 */
public final class ConvCheck {

    /** One convolution as a network calls it: input and weight shapes, stride and padding. */
    public record Config(Shape input, Shape weight, int stride, int padding) {

        /** Whether oneDNN runs it on the CPU (fewer filters go through patches and need no check). */
        public boolean usesOneDnn() {
            return weight.get(0) >= Ops.MIN_ONEDNN_FILTERS;
        }

        @Override
        public String toString() {
            return weight.get(1) + "->" + weight.get(0) + " k" + weight.get(2) + " s" + stride + " p" + padding + " on "
                    + input;
        }
    }

    /**
     * What the repeated calls gave.
     *
     * @param wrong calls whose output or gradients differ from the matrix product's beyond float rounding
     * @param nonFinite calls with a NaN or an infinity in them
     * @param maxError the largest difference seen, relative to the largest value of the reference
     */
    public record Result(Config config, int calls, int wrong, int nonFinite, double maxError) {

        public boolean ok() {
            return wrong == 0 && nonFinite == 0;
        }
    }

    /** A relative difference no float32 rounding of these sums reaches (they agree to ~1e-6 when right). */
    static final double TOLERANCE = 1e-3;

    private static final ThreadLocal<Set<Config>> RECORDING = new ThreadLocal<>();

    private ConvCheck() {}

    /** Runs work on this thread and returns every distinct convolution it called, in order of first call. */
    public static List<Config> record(Runnable work) {
        Set<Config> seen = new LinkedHashSet<>();
        RECORDING.set(seen);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return new ArrayList<>(seen);
    }

    static void noteCall(NDArray x, NDArray weight, int stride, int padding) {
        Set<Config> seen = RECORDING.get();
        if (seen != null) {
            seen.add(new Config(x.getShape(), weight.getShape(), stride, padding));
        }
    }

    /** Runs the convolution calls times through oneDNN (on random data) and compares each with the patches path. */
    public static Result check(NDManager manager, Config c, int calls) {
        return check(manager, c, calls, Ops::plainConv);
    }

    /** The convolution under test; the default is PyTorch's own (oneDNN on the CPU). */
    interface Convolution {
        NDArray apply(NDArray x, NDArray w, NDArray b, int stride, int padding);
    }

    static Result check(NDManager manager, Config c, int calls, Convolution conv) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(c.input());
            NDArray w = m.randomNormal(0, 0.1f, c.weight(), x.getDataType());
            NDArray b = m.randomNormal(new Shape(c.weight().get(0)));
            float[][] reference = run(m, x, w, b, c, Ops::byPatches);
            int wrong = 0;
            int nonFinite = 0;
            double maxError = 0;
            for (int i = 0; i < calls; i++) {
                float[][] got = run(m, x, w, b, c, conv);
                boolean finite = true;
                double error = 0;
                for (int part = 0; part < got.length; part++) {
                    double scale = 1e-12;
                    for (float v : reference[part]) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    for (int j = 0; j < got[part].length; j++) {
                        if (!Float.isFinite(got[part][j])) {
                            finite = false;
                        } else {
                            error = Math.max(error, Math.abs(got[part][j] - reference[part][j]) / scale);
                        }
                    }
                }
                nonFinite += finite ? 0 : 1;
                wrong += error > TOLERANCE ? 1 : 0;
                maxError = Math.max(maxError, error);
            }
            return new Result(c, calls, wrong, nonFinite, maxError);
        }
    }

    /** Output, input gradient and weight gradient of one call, for a fixed output gradient (the sum's ones). */
    private static float[][] run(NDManager m, NDArray x, NDArray w, NDArray b, Config c, Convolution conv) {
        try (NDManager s = m.newSubManager()) {
            NDArray xi = x.duplicate();
            NDArray wi = w.duplicate();
            xi.attach(s);
            wi.attach(s);
            xi.setRequiresGradient(true);
            wi.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = new ThreadGradientCollector()) {
                y = conv.apply(xi, wi, b, c.stride(), c.padding());
                // A fixed, uneven output gradient, so that every input and weight position gets its own value.
                NDArray g = s.arange((float) y.size()).reshape(y.getShape()).mod(Scalars.of(y, 7)).sub(3f);
                gc.backward(y.mul(g).sum());
            }
            return new float[][] {y.toFloatArray(), xi.getGradient().toFloatArray(), wi.getGradient().toFloatArray()};
        }
    }

    /** A description of a set of results, for a console. */
    public static String describe(List<Result> results, Supplier<String> machine) {
        StringBuilder sb = new StringBuilder("# convolutions checked on ").append(machine.get()).append('\n');
        for (Result r : results) {
            sb.append(String.format(java.util.Locale.ROOT, "%s\t%d calls\t%d wrong\t%d not finite\tmax rel. error %.2e%n",
                    r.config(), r.calls(), r.wrong(), r.nonFinite(), r.maxError()));
        }
        return sb.toString();
    }
}
