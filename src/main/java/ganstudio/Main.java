package ganstudio;

import ganstudio.logs.Logs;

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
        Logs.startSession();
        System.exit(AppCommands.run(args, System.out, System.err));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
