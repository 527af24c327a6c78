package ganstudio.cli;

import ganstudio.config.ConfigSchema;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.tricks.Tricks;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The options that pick a preset and change it, shared by train and ablate. */
final class PresetOptions {

    @Option(names = "--preset", paramLabel = "NAME|FILE", order = 1,
            description = "A preset in models/ (`presets` lists them) or a config JSON file (required for a new run).")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", order = 2,
            description = "Change one config key of the preset, e.g. optD.lr=1e-4; repeatable "
                    + "(`presets --keys` lists every key; default: none).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", order = 3, description = "The run's seed (default: the preset's).")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", order = 4,
            description = "Training steps of a GAN (default: the preset's).")
    Integer steps;

    @Option(names = "--epochs", paramLabel = "N", order = 5,
            description = "Epochs of a classifier (default: the preset's).")
    Integer epochs;

    @Option(names = "--device", paramLabel = "D", order = 6,
            description = "auto, cpu, gpu or gpu:N (default: the preset's; auto = the first GPU PyTorch sees, "
                    + "else the CPU).")
    String device;

    /** The preset with --set, --seed, --steps, --epochs and --device applied, validated. */
    RunConfig config() {
        // The options' own words are checked before the preset is read: "--steps 0", not "steps = 0".
        Long checkedSeed = seed == null ? null : Cli.inRange("--seed", seed,
                (long) ConfigSchema.require("seed").getMin(), (long) ConfigSchema.require("seed").getMax());
        Integer checkedSteps = steps == null ? null : Cli.inRange("--steps", steps, "steps");
        Integer checkedEpochs = epochs == null ? null : Cli.inRange("--epochs", epochs, "cls.epochs");
        String checkedDevice = device == null ? null : Cli.device(device);
        RunConfig c = Presets.locate().load(preset);
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set " + kv + ": expected key=value, e.g. --set optD.lr=1e-4");
            }
            c = c.with(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        if (checkedSeed != null) {
            c = c.with("seed", String.valueOf(checkedSeed));
        }
        if (checkedSteps != null) {
            c = c.with("steps", String.valueOf(checkedSteps));
        }
        if (checkedEpochs != null) {
            c = c.with("cls.epochs", String.valueOf(checkedEpochs));
        }
        if (checkedDevice != null) {
            c = c.with("device", checkedDevice);
        }
        return Tricks.validate(c, "");
    }
}
