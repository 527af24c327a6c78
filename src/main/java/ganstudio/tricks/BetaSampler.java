package ganstudio.tricks;

import java.util.SplittableRandom;

/** Beta(a, b) draws from two Gamma draws (Marsaglia and Tsang), for mixup's λ and RICAP's crop sizes. */
public final class BetaSampler {

    private BetaSampler() {}

    public static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            // Boost: Gamma(a) = Gamma(a + 1)·U^(1/a).
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
