package ganstudio.train;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this CPU is one where image GAN steps went NaN at random (README: known problems). */
final class KnownCpuProblem {

    static final String SKIP_REASON = "skipped on this AVX-512 CPU: PyTorch 2.5.1 DCGAN steps gave NaN weights at "
            + "random here (README, known problems)";

    private KnownCpuProblem() {}

    static boolean present() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f");
        } catch (Exception e) {
            return false;
        }
    }
}
