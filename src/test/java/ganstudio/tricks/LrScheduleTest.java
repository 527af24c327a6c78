package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ganstudio.config.RunConfig;

import org.junit.jupiter.api.Test;

/** Each schedule against its closed form at chosen iterations (x is 1-based). */
class LrScheduleTest {

    @Test
    void stepAndExponential() {
        LrSchedule step = LrSchedule.step(0.1, 0.5, 10);
        assertEquals(0.1, step.rate(1), 1e-12);
        assertEquals(0.1, step.rate(10), 1e-12);
        assertEquals(0.05, step.rate(11), 1e-12);
        assertEquals(0.025, step.rate(21), 1e-12);
        LrSchedule exp = LrSchedule.exponential(0.1, 0.5, 10);
        assertEquals(0.05, exp.rate(11), 1e-12);
        assertEquals(0.1 * Math.pow(0.5, 0.5), exp.rate(6), 1e-12);
    }

    @Test
    void cosineFallsToTheMinimumAtTheEnd() {
        LrSchedule cos = LrSchedule.cosine(0.1, 0.0, 100);
        assertEquals(0.1, cos.rate(1), 1e-12);
        assertEquals(0.05, cos.rate(51), 1e-12);
        assertEquals(0.0, cos.rate(101), 1e-12);
        assertEquals(0.0, cos.rate(500), 1e-12);
    }

    @Test
    void cyclicCosineFollowsTheIssueFormulaAndRestarts() {
        double lr0 = 0.1;
        double lrMin = 0.001;
        long c = 10;
        LrSchedule cyc = LrSchedule.cyclic(lr0, lrMin, c);
        for (long x : new long[] {1, 4, 6, 10, 11, 17, 23}) {
            double expected = (lr0 - lrMin) / 2 * (Math.cos(Math.PI * ((x - 1) % c) / c) + 1) + lrMin;
            assertEquals(expected, cyc.rate(x), 1e-12, "x = " + x);
        }
        assertEquals(0.1, cyc.rate(11), 1e-12);
        assertEquals(0.0505, cyc.rate(6), 1e-12);
    }

    @Test
    void warmupRampsLinearlyThenHandsOver() {
        LrSchedule w = LrSchedule.warmup(LrSchedule.cosine(0.1, 0, 100), 10);
        assertEquals(0.01, w.rate(1), 1e-12);
        assertEquals(0.05, w.rate(5), 1e-12);
        assertEquals(0.1, w.rate(10), 1e-12);
        assertEquals(0.1, w.rate(11), 1e-12);
        assertEquals(0.05, w.rate(61), 1e-12);
    }

    @Test
    void plateauCutsAfterPatienceEpochsWithoutImprovement() {
        PlateauSchedule p = new PlateauSchedule(0.1, 0.1, 2);
        p.onValidation(1.0);
        p.onValidation(0.9);
        p.onValidation(0.95);
        p.onValidation(0.91);
        assertEquals(0.1, p.rate(1), 1e-12);
        p.onValidation(0.92);
        assertEquals(0.01, p.rate(1), 1e-12);
    }

    @Test
    void configTurnsEpochsIntoIterationsAndScalesLinearly() {
        RunConfig c = RunConfig.defaults().withValue("batchSize", 128).withValue("sched.kind", "cyclic")
                .withValue("sched.cycleEpochs", 2.0).withValue("sched.warmupEpochs", 1.0)
                .withValue("sched.linearScaling", true).withValue("sched.minLr", 0.0);
        LrSchedule s = LrScheduleBuilder.forClassifier(c, 0.2, 5, 100);
        // base 0.2·128/256 = 0.1; warmup 5 iterations; cycle 10 iterations
        assertEquals(0.02, s.rate(1), 1e-12);
        assertEquals(0.1, s.rate(6), 1e-12);
        assertEquals(0.05, s.rate(11), 1e-12);
        assertEquals(0.1, s.rate(16), 1e-12);
    }

    @Test
    void ganLinearDecayStartsAfterTheWarmupAndEndsAtZero() {
        RunConfig c = RunConfig.defaults().withValue("lrDecay", "linear").withValue("lrWarmup", 10);
        LrSchedule s = LrScheduleBuilder.forGan(c, 110);
        assertEquals(0.1, s.rate(1), 1e-12);
        assertEquals(0.5, s.rate(5), 1e-12);
        assertEquals(1.0, s.rate(10), 1e-12);
        assertEquals(1.0, s.rate(11), 1e-12);
        assertEquals(0.5, s.rate(61), 1e-12);
        assertEquals(0.01, s.rate(110), 1e-12);
        assertEquals(0.0, s.rate(111), 1e-12);
    }

    @Test
    void ganCyclicRestartsEveryCycleAndNoneIsConstant() {
        RunConfig c = RunConfig.defaults().withValue("lrDecay", "cyclic").withValue("lrCycle", 4);
        LrSchedule s = LrScheduleBuilder.forGan(c, 100);
        assertEquals(1.0, s.rate(1), 1e-12);
        assertEquals(0.5, s.rate(3), 1e-12);
        assertEquals(1.0, s.rate(5), 1e-12);
        LrSchedule none = LrScheduleBuilder.forGan(RunConfig.defaults(), 100);
        assertEquals(1.0, none.rate(1), 0);
        assertEquals(1.0, none.rate(100), 0);
    }
}
