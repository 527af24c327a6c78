package ganstudio;

import ganstudio.cli.Cli;

/**
 * Entry point of the jar. It does not extend a JavaFX Application, so JavaFX can start from the class path;
 * the engine's system properties are set here, before any DJL class loads.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        setDefault("ai.djl.offline", "true");
        // One inter-op thread was 1.3x faster per step on 2 cores (DESIGN.md).
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        setDefault("ai.djl.pytorch.graph_optimizer", "false");
        System.exit(new Cli(System.out, System.err).run(args));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
