package ganstudio.cli;

import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses "--flag value" pairs (a flag may repeat) and positional arguments. */
final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    static Options parse(List<String> args, List<String> withValue, List<String> switches) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String flag = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0 && withValue.contains(a.substring(0, eq))) {
                    flag = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (withValue.contains(flag)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UserError(flag + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    o.values.computeIfAbsent(flag, k -> new ArrayList<>()).add(value);
                } else if (switches.contains(flag)) {
                    o.values.computeIfAbsent(flag, k -> new ArrayList<>()).add("true");
                } else {
                    List<String> all = new ArrayList<>(withValue);
                    all.addAll(switches);
                    throw new UserError("unknown option " + a + "; expected one of " + String.join(", ", all));
                }
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    String get(String flag) {
        List<String> v = values.get(flag);
        return v == null ? null : v.get(v.size() - 1);
    }

    List<String> all(String flag) {
        return values.getOrDefault(flag, List.of());
    }

    List<String> positional() {
        return positional;
    }
}
