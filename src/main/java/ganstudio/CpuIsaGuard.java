package ganstudio;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * On CPUs with AVX-512, oneDNN 3.x inside PyTorch 2.5.1 computed wrong convolution gradients for layers with
 * few channels (values that changed from run to run and NaN weights a few steps later; checked against the
 * definition and against autograd on this project's development machine). Capping oneDNN at AVX2 made them
 * exact. oneDNN reads the cap from the environment once, when it loads, and a JVM cannot change its own
 * environment, so the jar starts itself again with DNNL_MAX_CPU_ISA=AVX2 set; the parent only waits and passes
 * the exit code on. Set DNNL_MAX_CPU_ISA yourself (any value) to skip this.
 */
final class CpuIsaGuard {

    static final String VARIABLE = "DNNL_MAX_CPU_ISA";

    private CpuIsaGuard() {}

    /** The exit code of the relaunched child, or empty when this process should run the command itself. */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        if (System.getenv(VARIABLE) != null || !hasAvx512() || System.getProperty("ganstudio.noRelaunch") != null) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put(VARIABLE, "AVX2");
        try {
            Process child = pb.start();
            // Ctrl-C reaches both processes; a SIGTERM to this one is passed on, and this one waits for the
            // child's clean stop (checkpoint, summary, video) before it exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (child.isAlive()) {
                    child.destroy();
                    try {
                        child.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "forward-stop"));
            return Optional.of(child.waitFor());
        } catch (IOException e) {
            return Optional.empty(); // run in this process, uncapped, rather than not at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    static boolean hasAvx512() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
