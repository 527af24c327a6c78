package ganstudio;

import ganstudio.logs.Logs;
import ganstudio.train.NativeBuild;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Entry point of the jar. It does not extend a JavaFX Application, so JavaFX can start from the class path;
 * the engine's system properties are set here, before any DJL class loads. On Linux it first restarts itself
 * once with malloc settings that keep training from page-faulting (see {@link MallocTuning}), and that restarted
 * process stops (as on Ctrl-C) when the launcher ends, even by {@code kill -9} (see {@link LauncherWatch}).
 */
public final class Main {

    private static final String CUDA_PROBE_LOGGER = "ai.djl.util.cuda.CudaUtils";

    private Main() {}

    public static void main(String[] args) {
        if (MallocTuning.applies(System.getenv(), System.getProperty("os.name"),
                System.getProperty(MallocTuning.OPT_OUT_PROPERTY))) {
            Optional<List<String>> command = MallocTuning.currentCommand();
            OptionalInt code = command.isPresent()
                    ? MallocTuning.relaunch(MallocTuning.withLauncherPid(command.get(), ProcessHandle.current().pid()))
                    : OptionalInt.empty();
            if (code.isPresent()) {
                System.exit(code.getAsInt());
            }
        }
        LauncherWatch.startIfRestarted(System.err); // the restarted process ends when its launcher does
        setDefault("ai.djl.offline", "true");
        // One inter-op thread was 1.3x faster per step on 2 cores (measured when the project began).
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        setDefault("ai.djl.pytorch.graph_optimizer", "false");
        // A sweep's task has its run.log and the sweep's logs/task-N.log; a session log each would soon push the
        // user's own sessions out of the kept 30.
        if (!(args.length > 1 && "sweep".equals(args[0]) && "task".equals(args[1]))) {
            Logs.startSession();
        }
        if (NativeBuild.current().cudaFlavor() == null) {
            // DJL asks the CUDA runtime for GPUs even in the CPU build, and warns twice per process where a CUDA
            // toolkit is installed without a driver: noise there, since this build cannot use a GPU anyway.
            Logs.quiet(CUDA_PROBE_LOGGER);
        }
        System.exit(AppCommands.run(args, System.out, System.err));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
