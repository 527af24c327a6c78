package ganstudio.train.bench;

import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The bench command's settings, checked.
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

    /**
     * The options checked: {@code workloads} is a comma list (null for every workload, or the soak's default),
     * {@code device} cpu, gpu or gpu:N.
     *
     * @throws UserError naming the option and what it takes
     */
    public static BenchOptions create(String workloadList, int iters, int warmup, int threads, String device,
            int soak, int soakEvery) {
        List<String> workloads = workloadList == null ? new ArrayList<>(WORKLOADS) : workloads(workloadList);
        atLeast("--iters", iters, 1);
        atLeast("--warmup", warmup, 0);
        atLeast("--threads", threads, 0);
        atLeast("--soak", soak, 0);
        atLeast("--soak-every", soakEvery, 0);
        if (!device.equals("cpu") && !device.equals("gpu") && !device.matches("gpu:\\d{1,2}")) {
            throw new UserError("--device " + device + ": expected cpu, gpu or gpu:N");
        }
        if (soak > 0) {
            if (workloadList == null) {
                workloads = List.of("dcgan-wgan-gp");
            } else if (workloads.size() != 1) {
                throw new UserError("--soak runs one workload; name one with --workloads (default dcgan-wgan-gp)");
            }
        }
        return new BenchOptions(List.copyOf(workloads), iters, warmup, threads, device, soak, soakEvery);
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

    private static void atLeast(String flag, int value, int min) {
        if (value < min) {
            throw new UserError(flag + " " + value + ": expected a whole number >= " + min);
        }
    }
}
