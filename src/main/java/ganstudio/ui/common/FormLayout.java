package ganstudio.ui.common;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which config keys a setup form shows, in which titled sections. The schema holds the keys of both tasks;
 * the GAN form and the classifier form each show only the keys their task reads, so a classifier trick never
 * appears next to n_critic and vice versa. Free of JavaFX, so the grouping is tested without a display.
 */
public final class FormLayout {

    /** One titled pane of the form: its keys in schema order. */
    public record Section(String title, List<String> keys) {

        /**
         * The field label of a key: without its prefix when the whole section shares one ("lr" under
         * "optG"), else the full key so that opt.kind and sched.kind stay apart; "cls." is always implied.
         */
        public String label(String key) {
            String prefix = prefixOf(key);
            boolean shared = keys.stream().allMatch(k -> Objects.equals(prefixOf(k), prefix));
            if (shared || "cls".equals(prefix)) {
                return key.substring(key.indexOf('.') + 1);
            }
            return key;
        }
    }

    /** The GAN form's sections, named by key prefix as before the classifier existed. */
    static final List<String> GAN_SECTIONS = ConfigFormModel.SECTIONS;

    /** Keys of the GAN's own sections that a classifier run also reads. */
    private static final List<String> CLASSIFIER_RUN = List.of("name", "seed", "batchSize", "cls.epochs", "device",
            "threads");
    private static final List<String> CLASSIFIER_DATA = List.of("data.kind", "data.path", "data.imageSize",
            "data.channels", "data.limit", "cls.validation");
    private static final Set<String> CLASSIFIER_LOSS = Set.of("cls.loss", "cls.labelSmoothing", "cls.focalGamma",
            "cls.focalAlpha", "cls.flooding", "cls.teacher", "cls.distillT", "cls.distillWeight");

    private final List<Section> sections;
    private final Map<String, String> sectionOfKey = new LinkedHashMap<>();

    private FormLayout(List<Section> sections) {
        this.sections = List.copyOf(sections);
        for (Section s : sections) {
            for (String k : s.keys()) {
                sectionOfKey.put(k, s.title());
            }
        }
    }

    /** The GAN form: every section by prefix, without the task switch (the studio's tabs are the task). */
    public static FormLayout gan() {
        List<Section> out = new ArrayList<>();
        for (String title : GAN_SECTIONS) {
            List<String> keys = new ArrayList<>();
            for (ConfigKey<?> k : ConfigSchema.keys()) {
                if (ConfigFormModel.sectionOf(k.getName()).equals(title) && !"task".equals(k.getName())) {
                    keys.add(k.getName());
                }
            }
            if (!keys.isEmpty()) {
                out.add(new Section(title, keys));
            }
        }
        return new FormLayout(out);
    }

    /**
     * The classifier form, grouped by kind of trick. A cls.* key that is not a loss, data or run key is shown
     * under Network, so a new architecture key appears without touching this class.
     */
    public static FormLayout classifier() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String title : List.of("Run", "Data", "Network", "Loss", "Regularization", "Data augmentation",
                "Optimizer & schedule", "Adversarial", "Logging")) {
            groups.put(title, new ArrayList<>());
        }
        groups.get("Run").addAll(CLASSIFIER_RUN);
        groups.get("Data").addAll(CLASSIFIER_DATA);
        groups.get("Logging").add("log.every");
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            String name = k.getName();
            String title = trickSection(name);
            if (title != null) {
                groups.get(title).add(name);
            }
        }
        List<Section> out = new ArrayList<>();
        groups.forEach((title, keys) -> out.add(new Section(title, keys)));
        return new FormLayout(out);
    }

    private static String trickSection(String key) {
        if (CLASSIFIER_RUN.contains(key) || CLASSIFIER_DATA.contains(key)) {
            return null;
        }
        String prefix = prefixOf(key);
        if (prefix == null) {
            return null;
        }
        return switch (prefix) {
            case "cls" -> CLASSIFIER_LOSS.contains(key) ? "Loss" : "cls.dropout".equals(key) ? "Regularization"
                    : "Network";
            case "reg" -> "Regularization";
            case "aug" -> "Data augmentation";
            case "opt", "sched" -> "Optimizer & schedule";
            case "adv" -> "Adversarial";
            default -> null;
        };
    }

    private static String prefixOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? null : key.substring(0, dot);
    }

    public List<Section> sections() {
        return sections;
    }

    /** Every key the form shows, in order. */
    public List<String> keys() {
        return List.copyOf(sectionOfKey.keySet());
    }

    /** The title of the section that shows a key, or null when this form does not show it. */
    public String sectionOf(String key) {
        return sectionOfKey.get(key);
    }

    public Section section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst().orElse(null);
    }

    /**
     * How many keys of a section differ from the schema default: shown next to a trick section's title, so
     * the switched-on tricks can be seen without opening every pane.
     */
    public static int changedFromDefault(Section section, RunConfig config) {
        int n = 0;
        for (String key : section.keys()) {
            Object def = ConfigSchema.require(key).getDefaultValue();
            Object now = config.get(key);
            if (!String.valueOf(ConfigSchema.require(key).coerce(def)).equals(String.valueOf(now))) {
                n++;
            }
        }
        return n;
    }
}
