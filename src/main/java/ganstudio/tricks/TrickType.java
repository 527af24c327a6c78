package ganstudio.tricks;

import ganstudio.config.ConfigKey;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the registry knows of one trick: its task, the keys it reads, when it is on, the settings it refuses (checked
 * before anything starts, by the CLI, the form and the sweep alike) and how to build it for a trainer.
 *
 * @param rules throws a {@link ganstudio.config.UserError} naming the key and the fix when the config does not fit
 *     the trick; called only when the trick is on
 */
public record TrickType(String name, String task, List<ConfigKey<?>> keys, Predicate<RunConfig> isOn,
        Consumer<RunConfig> rules, Function<TrickSetup, Trick> factory) {

    /** A trick that refuses nothing. */
    public TrickType(String name, String task, List<ConfigKey<?>> keys, Predicate<RunConfig> isOn,
            Function<TrickSetup, Trick> factory) {
        this(name, task, keys, isOn, c -> { }, factory);
    }
}
