package ganstudio.ui.common;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.Presets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the presets of models/ by their "task", so the GAN view offers GAN presets and the classifier view
 * classifier presets. The task is read from the JSON itself, not through a full load: a preset that fails
 * validation (a CIFAR preset without data.path) still belongs to its view, where picking it shows the error
 * in the banner. A file that is not JSON counts as a GAN preset, as before there were two views.
 */
public final class PresetsByTask {

    private PresetsByTask() {}

    public static List<String> names(Presets presets, String task) {
        List<String> out = new ArrayList<>();
        for (String name : presets.names()) {
            if (taskOf(presets, name).equals(task)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The task of a preset, or "gan" when its file says none or cannot be read. */
    public static String taskOf(Presets presets, String name) {
        Path file = presets.getDir().resolve(name + ".json");
        try {
            JsonElement root = Json.parse(Files.readString(file), file.toString());
            if (root.isJsonObject()) {
                JsonObject o = root.getAsJsonObject();
                if (o.has("task") && o.get("task").isJsonPrimitive()) {
                    return o.get("task").getAsString();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable as JSON: the GAN view reports it when picked
        }
        return "gan";
    }
}
