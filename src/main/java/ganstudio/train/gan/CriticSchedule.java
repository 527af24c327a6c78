package ganstudio.train.gan;

/**
 * How many critic iterations precede generator iteration g (0-based): n_critic, or the WGAN reference
 * implementation's burst (100 critic iterations for the first 25 generator iterations and every 500th,
 * so the critic is near optimal when the Wasserstein estimate is read).
 */
public record CriticSchedule(int nCritic, boolean burst, int burstCritic, int burstFirst, int burstEvery) {

    public int criticIterations(long generatorIteration) {
        if (burst && (generatorIteration < burstFirst || generatorIteration % burstEvery == 0)) {
            return burstCritic;
        }
        return nCritic;
    }
}
