package ganstudio.train.bench;

import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The bench command's options: {@code [--workloads a,b] [--iters N] [--warmup N] [--threads N]
 * [--device cpu|gpu] [--soak N [--soak-every N]]}.
 *
 * @param threads PyTorch intra-op threads; 0 = PyTorch's default (one per core)
 * @param soak generator iterations of the memory soak (0 = no soak, time the workloads)
 * @param soakEvery iterations between two memory reports of the soak (0 = soak / 20)
 */
public record BenchOptions(List<String> workloads, int iters, int warmup, int threads, String device, int soak,
        int soakEvery) {

    /** Every workload, in the reference's order plus the classifier. */
    public static final List<String> WORKLOADS = List.of("dcgan-gan", "dcgan-wgan", "dcgan-wgan-gp",
            "mlp2d-wgan-gp", ClassifierWorkload.NAME);

    public static final String USAGE = "bench [--workloads " + String.join(",", WORKLOADS) + "] [--iters N]"
            + " [--warmup N] [--threads N] [--device cpu|gpu] [--soak N [--soak-every N]]";

    /**
     * @throws UserError for an unknown option or workload, or a bad number
     */
    public static BenchOptions parse(List<String> args) {
        List<String> workloads = new ArrayList<>(WORKLOADS);
        int iters = 30;
        int warmup = 5;
        int threads = 0;
        String device = "cpu";
        int soak = 0;
        int soakEvery = 0;
        boolean named = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else {
                if (i + 1 >= args.size()) {
                    throw flag.startsWith("--") && isFlag(flag) ? new UserError(flag + " needs a value")
                            : new UserError("unknown option " + flag + "; usage: " + USAGE);
                }
                value = args.get(++i);
            }
            switch (flag) {
                case "--workloads":
                    workloads = workloads(value);
                    named = true;
                    break;
                case "--iters":
                    iters = number(flag, value, 1);
                    break;
                case "--warmup":
                    warmup = number(flag, value, 0);
                    break;
                case "--threads":
                    threads = number(flag, value, 0);
                    break;
                case "--device":
                    if (!value.equals("cpu") && !value.equals("gpu") && !value.matches("gpu:\\d{1,2}")) {
                        throw new UserError("--device " + value + ": expected cpu, gpu or gpu:N");
                    }
                    device = value;
                    break;
                case "--soak":
                    soak = number(flag, value, 1);
                    break;
                case "--soak-every":
                    soakEvery = number(flag, value, 1);
                    break;
                default:
                    throw new UserError("unknown option " + flag + "; usage: " + USAGE);
            }
        }
        if (soak > 0) {
            if (!named) {
                workloads = List.of("dcgan-wgan-gp");
            } else if (workloads.size() != 1) {
                throw new UserError("--soak runs one workload; name one with --workloads (default dcgan-wgan-gp)");
            }
        }
        return new BenchOptions(List.copyOf(workloads), iters, warmup, threads, device, soak, soakEvery);
    }

    private static boolean isFlag(String flag) {
        return List.of("--workloads", "--iters", "--warmup", "--threads", "--device", "--soak", "--soak-every")
                .contains(flag);
    }

    private static List<String> workloads(String text) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!WORKLOADS.contains(name)) {
                throw new UserError("unknown workload '" + name + "'; expected one or more of "
                        + String.join(", ", WORKLOADS) + " (comma-separated)");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new UserError("--workloads " + text + ": name at least one of " + String.join(", ", WORKLOADS));
        }
        return new ArrayList<>(names);
    }

    private static int number(String flag, String text, int min) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(flag + " " + text + ": expected an integer >= " + min);
    }
}
