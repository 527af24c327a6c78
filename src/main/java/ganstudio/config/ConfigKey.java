package ganstudio.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One key of the run configuration: its type, default and allowed values. The schema is the single place
 * that knows what is valid, so that the CLI's --set, JSON presets and the studio's form reject the same
 * things with the same words.
 */
public final class ConfigKey<T> {

    /** The value types a key can hold. */
    public enum Type { INT, LONG, DOUBLE, BOOL, STRING, CHOICE }

    private final String name;
    private final Type type;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final List<String> choices;
    private final String help;
    private final boolean liveEditable;
    private final String shortLabel;

    private ConfigKey(Builder<T> b) {
        this.name = b.name;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.min = b.min;
        this.max = b.max;
        this.choices = List.copyOf(b.choices);
        this.help = b.help;
        this.liveEditable = b.liveEditable;
        this.shortLabel = b.shortLabel;
    }

    public static Builder<Integer> intKey(String name) {
        return new Builder<>(name, Type.INT);
    }

    public static Builder<Long> longKey(String name) {
        return new Builder<>(name, Type.LONG);
    }

    public static Builder<Double> doubleKey(String name) {
        return new Builder<>(name, Type.DOUBLE);
    }

    public static Builder<Boolean> boolKey(String name) {
        return new Builder<>(name, Type.BOOL);
    }

    public static Builder<String> stringKey(String name) {
        return new Builder<>(name, Type.STRING);
    }

    /** A string key whose value must be one of {@link Builder#setChoices}. */
    public static Builder<String> choiceKey(String name) {
        return new Builder<>(name, Type.CHOICE);
    }

    public String getName() {
        return name;
    }

    public Type getType() {
        return type;
    }

    public Object getDefaultValue() {
        return defaultValue;
    }

    public double getMin() {
        return min;
    }

    public double getMax() {
        return max;
    }

    public List<String> getChoices() {
        return choices;
    }

    public String getHelp() {
        return help;
    }

    /** Whether a running session accepts a new value for this key (from the next step on). */
    public boolean isLiveEditable() {
        return liveEditable;
    }

    /** The live-edit panel's label of a live key ("lr G"); empty for the others. */
    public String getShortLabel() {
        return shortLabel;
    }

    /** The allowed values in words, as shown next to a rejected value. */
    public String describeRange() {
        switch (type) {
            case INT:
            case LONG:
                return "an integer in [" + fmt(min) + ", " + fmt(max) + "]";
            case DOUBLE:
                return "a number in [" + fmt(min) + ", " + fmt(max) + "]";
            case BOOL:
                return "true or false";
            case CHOICE:
                return "one of " + String.join(", ", choices);
            default:
                return "a string";
        }
    }

    /**
     * Converts a JSON or command-line value to this key's type and checks its range.
     *
     * @throws UserError naming the key and the allowed range
     */
    public Object coerce(Object raw) {
        String text = raw == null ? "null" : raw.toString().trim();
        try {
            switch (type) {
                case INT:
                case LONG: {
                    BigDecimal d = new BigDecimal(text);
                    if (d.stripTrailingZeros().scale() > 0 || d.doubleValue() < min || d.doubleValue() > max) {
                        throw bad(text);
                    }
                    return type == Type.INT ? (Object) d.intValueExact() : (Object) d.longValueExact();
                }
                case DOUBLE: {
                    double d = Double.parseDouble(text);
                    if (!Double.isFinite(d) || d < min || d > max) {
                        throw bad(text);
                    }
                    return d;
                }
                case BOOL:
                    if (raw instanceof Boolean) {
                        return raw;
                    }
                    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                        return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
                    }
                    throw bad(text);
                case CHOICE:
                    if (choices.contains(text)) {
                        return text;
                    }
                    throw bad(text);
                default:
                    return raw == null ? "" : raw.toString();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(text);
        }
    }

    private UserError bad(String text) {
        return new UserError(name + " = " + text + " is not allowed: expected " + describeRange());
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.valueOf(d);
    }

    /** Builds a {@link ConfigKey}. */
    public static final class Builder<T> {
        private final String name;
        private final Type type;
        private Object defaultValue;
        private double min = Double.NEGATIVE_INFINITY;
        private double max = Double.POSITIVE_INFINITY;
        private List<String> choices = List.of();
        private String help = "";
        private boolean liveEditable;
        private String shortLabel = "";

        private Builder(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        public Builder<T> setDefault(T value) {
            this.defaultValue = value;
            return this;
        }

        public Builder<T> optRange(double min, double max) {
            this.min = min;
            this.max = max;
            return this;
        }

        public Builder<T> setChoices(String... choices) {
            this.choices = List.of(choices);
            return this;
        }

        public Builder<T> setHelp(String help) {
            this.help = help;
            return this;
        }

        /**
         * Makes the key editable while a run trains (the live-edit panel shows it under {@code shortLabel});
         * the trainer of its task must apply it (LiveSettings, or the classifier's learning rate).
         */
        public Builder<T> optLive(String shortLabel) {
            this.liveEditable = true;
            this.shortLabel = shortLabel;
            return this;
        }

        public ConfigKey<T> build() {
            ConfigKey<T> key = new ConfigKey<>(this);
            // The default must satisfy the key's own rule, or every config would start invalid.
            key.coerce(defaultValue);
            return key;
        }
    }
}
