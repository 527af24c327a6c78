package ganstudio.cli;

import ganstudio.train.bench.Bench;
import ganstudio.train.bench.BenchOptions;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** bench: fixed workloads timed against the fp32 matmul ceiling, a memory soak, or the oneDNN convolution check. */
@Command(name = "bench", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Time fixed workloads (dcgan-gan, dcgan-wgan, dcgan-wgan-gp, mlp2d-wgan-gp, "
                + "classifier-fashion) against the fp32 matmul ceiling.",
            "--soak N prints resident memory over N steps instead;",
            "--conv-check checks every oneDNN convolution of one training step of --preset against a matrix product "
                    + "(exit 1 if this CPU gets any wrong)."})
final class BenchCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--workloads", paramLabel = "A,B", order = 1,
            description = "The workloads to time, comma-separated (default: all; dcgan-wgan-gp with --soak).")
    String workloads;

    @Option(names = "--iters", paramLabel = "N", order = 2, description = "Timed iterations (default: ${DEFAULT-VALUE}).")
    int iters = 30;

    @Option(names = "--warmup", paramLabel = "N", order = 3,
            description = "Untimed iterations first (default: ${DEFAULT-VALUE}).")
    int warmup = 5;

    @Option(names = "--threads", paramLabel = "N", order = 4,
            description = "PyTorch threads (default: 0 = one per core).")
    int threads;

    @Option(names = "--device", paramLabel = "cpu|gpu|gpu:N", order = 5,
            description = "Where to time (default: ${DEFAULT-VALUE}); gpu refuses without a CUDA build and a GPU.")
    String device = "cpu";

    @Option(names = "--soak", paramLabel = "N", order = 6,
            description = "Instead of timing: N generator iterations, printing resident memory (default: 0, off).")
    int soak;

    @Option(names = "--soak-every", paramLabel = "N", order = 7,
            description = "Iterations between two memory reports of the soak (default: 0 = N / 20).")
    int soakEvery;

    @Option(names = "--conv-check", order = 10,
            description = "Check the convolutions of one training step of --preset instead of timing.")
    boolean convCheck;

    @Option(names = "--preset", paramLabel = "NAME|FILE", order = 11,
            description = "With --conv-check: the network whose convolutions to check (required there).")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", order = 12,
            description = "With --conv-check: change a key of the preset; repeatable (default: none).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--calls", paramLabel = "N", order = 13,
            description = "With --conv-check: calls per convolution (default: ${DEFAULT-VALUE}).")
    int calls = 200;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (convCheck) {
            return new ConvCheckCommand(out).run(preset, sets, calls, threads);
        }
        if (preset != null || !sets.isEmpty()) {
            throw new ganstudio.config.UserError("--preset and --set go with --conv-check; the timed workloads are "
                    + "fixed (--workloads names them)");
        }
        new Bench(out, BenchOptions.create(workloads, iters, warmup, threads, device, soak, soakEvery)).run();
        return Cli.OK;
    }
}
