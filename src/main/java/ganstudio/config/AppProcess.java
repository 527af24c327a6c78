package ganstudio.config;

import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How this app starts another process of itself: the restart with malloc settings, and a sweep's task processes
 * (on this machine, or in a Slurm job on a node that shares the folder).
 */
public final class AppProcess {

    /**
     * glibc malloc settings that keep PyTorch's freed buffers inside the process (why: the root package's
     * MallocTuning). A process started with them set does not restart itself.
     */
    public static final Map<String, String> MALLOC_SETTINGS = mallocSettings();

    /** The pid of the process whose end ends this one (a launcher, or the sweep running a task), if any. */
    public static final String LAUNCHER_PID_PROPERTY = "ganstudio.launcher.pid";

    private AppProcess() {}

    private static Map<String, String> mallocSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MALLOC_ARENA_MAX", "1");
        m.put("MALLOC_MMAP_THRESHOLD_", "33554432");
        m.put("MALLOC_TRIM_THRESHOLD_", "1073741824");
        return Collections.unmodifiableMap(m);
    }

    /**
     * The command line that runs {@code args} in a new JVM of this app: this JVM's java binary and class path,
     * its heap and -XX options and the app's and DJL's system properties, and the main class. With
     * endWithThisProcess the new process stops (as on Ctrl-C, checkpoint first) when this one ends.
     */
    public static List<String> command(List<String> args, boolean endWithThisProcess) {
        List<String> c = new ArrayList<>();
        c.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss") || a.startsWith("-XX:")) {
                c.add(a);
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            boolean ours = key.startsWith("ganstudio.") || key.startsWith("ai.djl.");
            if (ours && !key.equals(LAUNCHER_PID_PROPERTY)) {
                c.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        // models/ as this process found it, so a task started from another folder finds the same presets
        c.add("-Dganstudio.models=" + Paths.get(System.getProperty("ganstudio.models",
                Presets.locate().getDir().toString())).toAbsolutePath());
        if (endWithThisProcess) {
            c.add("-D" + LAUNCHER_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add("ganstudio.Main");
        c.addAll(args);
        return c;
    }
}
