package ganstudio.ui.common;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.tricks.Tricks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The setup form without its widgets: the text of every field, the error of each field (the schema's own
 * UserError message, so the form and the CLI's --set reject the same values with the same words), the
 * cross-key error from RunConfig.validate, and whether Start may be pressed. Kept free of JavaFX so it is
 * tested without a display.
 */
public final class ConfigFormModel {

    /** The sections of the form, in order; a key belongs to the section named by its prefix. */
    public static final List<String> SECTIONS = List.of("Run", "data", "model", "objective", "tricks", "optG", "optD",
            "log", "eval");
    /** Sections of classifier keys, which the GAN form does not show. */
    public static final List<String> CLASSIFIER_SECTIONS = List.of("cls", "opt", "reg", "adv", "aug", "sched");

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, String> fieldErrors = new LinkedHashMap<>();
    private RunConfig config = RunConfig.defaults();
    private String crossError;
    private final List<Consumer<ConfigFormModel>> listeners = new ArrayList<>();

    public ConfigFormModel() {
        load(RunConfig.defaults());
    }

    /** The section a key is shown in: its prefix, or "Run" for top-level keys (name, seed, steps...). */
    public static String sectionOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? "Run" : key.substring(0, dot);
    }

    /** Keys of one section, in schema order. */
    public static List<ConfigKey<?>> keysOf(String section) {
        List<ConfigKey<?>> out = new ArrayList<>();
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            if (sectionOf(k.getName()).equals(section)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Replaces every field with a config's values (a preset was picked) and clears all errors. */
    public void load(RunConfig c) {
        config = c;
        texts.clear();
        fieldErrors.clear();
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            texts.put(k.getName(), String.valueOf(c.get(k.getName())));
        }
        revalidate();
    }

    /**
     * A field changed. A valid value goes into the config; an invalid one is kept as text with its message,
     * and the config keeps the last valid value (Start is disabled meanwhile).
     */
    public void set(String key, String text) {
        texts.put(key, text);
        try {
            config = config.with(key, text);
            fieldErrors.remove(key);
        } catch (UserError e) {
            fieldErrors.put(key, e.getMessage());
        }
        revalidate();
    }

    private void revalidate() {
        try {
            Tricks.validate(config, "");
            crossError = null;
        } catch (UserError e) {
            crossError = e.getMessage();
        }
        for (Consumer<ConfigFormModel> l : listeners) {
            l.accept(this);
        }
    }

    public void addListener(Consumer<ConfigFormModel> l) {
        listeners.add(l);
    }

    /** Every field's text, for putting the form back as it was ({@link #loadTexts}). */
    public Map<String, String> texts() {
        return new LinkedHashMap<>(texts);
    }

    /** The fields as {@link #texts} returned them, invalid texts included, checked as if typed. */
    public void loadTexts(Map<String, String> saved) {
        load(RunConfig.defaults());
        List<Consumer<ConfigFormModel>> quiet = new ArrayList<>(listeners);
        listeners.clear();
        try {
            saved.forEach(this::set);
        } finally {
            listeners.addAll(quiet);
        }
        revalidate();
    }

    public String getText(String key) {
        return texts.get(key);
    }

    /** The message to show at a field, or null. A cross-key error is shown at the key it names first. */
    public String errorOf(String key) {
        String own = fieldErrors.get(key);
        if (own != null) {
            return own;
        }
        if (crossError != null && key.equals(crossErrorKey())) {
            return crossError;
        }
        return null;
    }

    /** The key a cross-key message starts with ("model.dNorm = batch does not go with ..."), or null. */
    public String crossErrorKey() {
        if (crossError == null) {
            return null;
        }
        int eq = crossError.indexOf(" = ");
        String key = eq > 0 ? crossError.substring(0, eq) : "";
        return ConfigSchema.find(key) != null ? key : null;
    }

    public Map<String, String> getFieldErrors() {
        return Collections.unmodifiableMap(fieldErrors);
    }

    public String getCrossError() {
        return crossError;
    }

    /** The first problem in words, for a line under the Start button, or null when all is well. */
    public String firstProblem() {
        if (!fieldErrors.isEmpty()) {
            return fieldErrors.values().iterator().next();
        }
        return crossError;
    }

    public boolean canStart() {
        return fieldErrors.isEmpty() && crossError == null;
    }

    /** The config the form describes; only meaningful when {@link #canStart()}. */
    public RunConfig getConfig() {
        return config;
    }
}
