package ganstudio.data;

import ganstudio.config.UserError;

import java.util.Random;

/**
 * 2-D toy distributions of the mode-collapse literature. ring and grid are mixtures of equal-weight isotropic
 * Gaussians as in the unrolled-GAN, VEEGAN and PacGAN benchmarks: a mode is picked uniformly, then N(0, sigma^2)
 * is added to each coordinate. spiral and swissroll are continuous and have no modes to count.
 */
public final class Mixture2D {

    private enum Shape { GAUSSIANS, SPIRAL, SWISSROLL }

    /** Room around the mass so plots do not clip the outermost samples. */
    private static final double MARGIN = 1.1;
    /** Beyond 4 sigma lies about 0.03% of a Gaussian's mass per axis. */
    private static final double TAIL_SIGMAS = 4.0;
    private static final double SPIRAL_RADIUS = 2.0;
    private static final double SPIRAL_TURN = 3.0 * Math.PI;
    private static final double SWISS_T_MIN = 1.5 * Math.PI;
    private static final double SWISS_T_MAX = 4.5 * Math.PI;
    /** WGAN-GP's toy code divides make_swiss_roll output by 7.5 ("stdev plus a little"). */
    private static final double SWISS_SCALE = 7.5;

    private final String name;
    private final Shape shape;
    private final double[][] means;
    private final double sigma;
    private final double extent;

    private Mixture2D(String name, Shape shape, double[][] means, double sigma, double reach) {
        this.name = name;
        this.shape = shape;
        this.means = means;
        this.sigma = sigma;
        this.extent = (reach + TAIL_SIGMAS * sigma) * MARGIN;
    }

    /** ring8 of the literature: 8 modes on the unit circle, sigma 0.01. */
    public static Mixture2D ring8() {
        return ring(8, 1.0, 0.01);
    }

    /** grid25 of the literature: means {-4,-2,0,2,4}^2, sigma 0.05. */
    public static Mixture2D grid25() {
        return grid(25, 4.0, 0.05);
    }

    /** Means (r cos 2 pi i/n, r sin 2 pi i/n) for i = 0..n-1. */
    public static Mixture2D ring(int modes, double radius, double sigma) {
        requireModes(modes);
        requirePositive(radius, "data.radius");
        requirePositive(sigma, "data.sigma");
        double[][] means = new double[modes][];
        for (int i = 0; i < modes; i++) {
            double angle = 2 * Math.PI * i / modes;
            means[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
        return new Mixture2D("ring" + modes, Shape.GAUSSIANS, means, sigma, radius);
    }

    /**
     * Means on the k x k grid spanning [-halfWidth, halfWidth] on each axis, k = sqrt(modes); mode i is at
     * (coord[i / k], coord[i % k]). A single mode sits at the origin.
     */
    public static Mixture2D grid(int modes, double halfWidth, double sigma) {
        requireModes(modes);
        int k = (int) Math.round(Math.sqrt(modes));
        if (k * k != modes) {
            int below = (int) Math.floor(Math.sqrt(modes));
            throw new UserError("data.modes = " + modes + " is not a perfect square; a grid needs k*k modes"
                    + " (e.g. " + below * below + " or " + (below + 1) * (below + 1) + ")");
        }
        requirePositive(halfWidth, "the grid half-width");
        requirePositive(sigma, "data.sigma");
        double[] coord = new double[k];
        for (int j = 0; j < k; j++) {
            // Multiplying before dividing keeps k=5, halfWidth=4 at exactly -4,-2,0,2,4.
            coord[j] = k == 1 ? 0.0 : -halfWidth + 2 * halfWidth * j / (k - 1);
        }
        double[][] means = new double[modes][];
        for (int i = 0; i < modes; i++) {
            means[i] = new double[] {coord[i / k], coord[i % k]};
        }
        return new Mixture2D("grid" + modes, Shape.GAUSSIANS, means, sigma, k == 1 ? 0.0 : halfWidth);
    }

    /**
     * Two-arm spiral: u ~ U(0,1), t = sqrt(u), theta = 3 pi t, r = 2 t, arm a ~ {0, 1};
     * point = r (cos(theta + a pi), sin(theta + a pi)) + sigma N(0, I). The square root spreads the mass roughly
     * evenly along the arms instead of piling it up at the centre. Fits in [-2, 2]^2 before noise.
     */
    public static Mixture2D spiral(double sigma) {
        requireNonNegative(sigma);
        return new Mixture2D("spiral", Shape.SPIRAL, new double[0][], sigma, SPIRAL_RADIUS);
    }

    /**
     * sklearn make_swiss_roll projected on its (x, z) plane and scaled as in WGAN-GP's toy experiments:
     * t = 1.5 pi (1 + 2u), u ~ U(0,1); point = (t cos t, t sin t) / 7.5 + sigma N(0, I). Fits in about
     * [-1.9, 1.9]^2 before noise; sigma = 0.25/7.5 reproduces WGAN-GP's noise = 0.25.
     */
    public static Mixture2D swissroll(double sigma) {
        requireNonNegative(sigma);
        return new Mixture2D("swissroll", Shape.SWISSROLL, new double[0][], sigma, SWISS_T_MAX / SWISS_SCALE);
    }

    /** Fills out[0..2*count) with x0, y0, x1, y1, ... */
    public void sample(Random rng, float[] out, int count) {
        if (count < 0 || out.length < 2L * count) {
            throw new IllegalArgumentException("need " + 2L * count + " floats for " + count + " points, got "
                    + out.length);
        }
        for (int i = 0; i < count; i++) {
            double x;
            double y;
            switch (shape) {
                case GAUSSIANS -> {
                    double[] m = means[rng.nextInt(means.length)];
                    x = m[0];
                    y = m[1];
                }
                case SPIRAL -> {
                    double t = Math.sqrt(rng.nextDouble());
                    double angle = SPIRAL_TURN * t + (rng.nextBoolean() ? Math.PI : 0.0);
                    x = SPIRAL_RADIUS * t * Math.cos(angle);
                    y = SPIRAL_RADIUS * t * Math.sin(angle);
                }
                default -> {
                    double t = SWISS_T_MIN + (SWISS_T_MAX - SWISS_T_MIN) * rng.nextDouble();
                    x = t * Math.cos(t) / SWISS_SCALE;
                    y = t * Math.sin(t) / SWISS_SCALE;
                }
            }
            out[2 * i] = (float) (x + sigma * rng.nextGaussian());
            out[2 * i + 1] = (float) (y + sigma * rng.nextGaussian());
        }
    }

    /** {@code count} fresh points as x0, y0, x1, y1, ... */
    public float[] sample(Random rng, int count) {
        float[] out = new float[2 * count];
        sample(rng, out, count);
        return out;
    }

    /** A copy of the mode centres; empty for spiral and swissroll. */
    public double[][] means() {
        double[][] copy = new double[means.length][];
        for (int i = 0; i < means.length; i++) {
            copy[i] = means[i].clone();
        }
        return copy;
    }

    /** Number of modes; 0 for the continuous shapes. */
    public int modes() {
        return means.length;
    }

    public boolean hasModes() {
        return means.length > 0;
    }

    public double sigma() {
        return sigma;
    }

    /** e.g. ring8, grid25, spiral, swissroll. */
    public String name() {
        return name;
    }

    /** Half-width of a square around the origin holding almost all mass: (max |coordinate| + 4 sigma) * 1.1. */
    public double extent() {
        return extent;
    }

    @Override
    public String toString() {
        return name + " (sigma " + sigma + ")";
    }

    private static void requireModes(int modes) {
        if (modes < 1) {
            throw new UserError("data.modes = " + modes + " must be at least 1");
        }
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserError(what + " = " + value + " must be a positive number");
        }
    }

    private static void requireNonNegative(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new UserError("data.sigma = " + sigma + " must be zero or a positive number");
        }
    }
}
