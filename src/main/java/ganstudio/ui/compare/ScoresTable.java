package ganstudio.ui.compare;

import ganstudio.metrics.EvaluationScores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Compare tab's table of final evaluations: one column per run (A, B, C…), one row per score any of them has,
 * "—" where a run has none (a 2D run beside an image run, a run not evaluated yet). Scores computed in different
 * feature spaces never share a row: when the runs' spaces differ, each space's rows stand under a heading row
 * naming it. Plain strings,
 * so it is tested without a display.
 */
record ScoresTable(List<String> runs, List<Row> rows) {

    static final String NONE = "—";

    record Row(String name, List<String> values) {}

    static ScoresTable of(List<String> letters, List<Optional<EvaluationScores>> scores) {
        Set<String> spaces = new LinkedHashSet<>();
        for (Optional<EvaluationScores> s : scores) {
            s.map(EvaluationScores::featureSpace).filter(f -> !f.isEmpty()).ifPresent(spaces::add);
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<Map<String, String>> values = new ArrayList<>();
        names.put("at", "step · samples");
        if (!spaces.isEmpty()) {
            names.put("features", "features");
        }
        for (Optional<EvaluationScores> s : scores) {
            Map<String, String> v = new LinkedHashMap<>();
            s.ifPresent(e -> {
                v.put("at", e.step() + " · " + e.samples());
                v.put("features", e.featureSpace().isEmpty() ? NONE : e.featureSpace());
                for (EvaluationScores.Line l : e.lines()) {
                    boolean grouped = spaces.size() > 1 && l.id().contains("@");
                    if (grouped) {
                        names.putIfAbsent("in@" + e.featureSpace(), "in " + e.featureSpace() + " features:");
                    }
                    // under its heading, "Fréchet distance in x.pt features" need not say x.pt again
                    names.putIfAbsent(l.id(), grouped ? "  " + l.name().replace(" in " + e.featureSpace()
                            + " features", "") : l.name());
                    v.put(l.id(), l.value());
                }
            });
            values.add(v);
        }
        List<Row> rows = new ArrayList<>();
        if (values.stream().allMatch(Map::isEmpty)) {
            return new ScoresTable(List.copyOf(letters), rows);
        }
        for (Map.Entry<String, String> n : names.entrySet()) {
            List<String> cells = new ArrayList<>();
            for (Map<String, String> v : values) {
                cells.add(v.getOrDefault(n.getKey(), n.getKey().startsWith("in@") ? "" : NONE));
            }
            rows.add(new Row(n.getValue(), List.copyOf(cells)));
        }
        return new ScoresTable(List.copyOf(letters), List.copyOf(rows));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }
}
