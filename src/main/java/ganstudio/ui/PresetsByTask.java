package ganstudio.ui;

import ganstudio.config.Presets;
import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the presets of models/ by their "task", so the GAN view offers GAN presets and the classifier view
 * classifier presets. A preset that does not load stays in the GAN list, where picking it shows its error
 * in the banner as before.
 */
final class PresetsByTask {

    private PresetsByTask() {}

    static List<String> names(Presets presets, String task) {
        List<String> out = new ArrayList<>();
        for (String name : presets.names()) {
            String t;
            try {
                t = presets.load(name).getString("task");
            } catch (UserError e) {
                t = "gan";
            }
            if (t.equals(task)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The task of a preset, or "gan" when it does not load. */
    static String taskOf(Presets presets, String name) {
        try {
            return presets.load(name).getString("task");
        } catch (UserError e) {
            return "gan";
        }
    }
}
