package ganstudio.ui.sweeps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * A table row whose value is replaced in place at each look of a live folder, so the table keeps the person's
 * selection, scroll position and sort order while the values under them change every second or two.
 */
public final class LiveRow<R> {

    private final ObjectProperty<R> value;

    private LiveRow(R value) {
        this.value = new SimpleObjectProperty<>(value);
    }

    public R get() {
        return value.get();
    }

    ObjectProperty<R> valueProperty() {
        return value;
    }

    /**
     * Shows rows in table: the rows already there take their new values in place when every key is the same as
     * before; otherwise (another sweep, a task added) the table's items are replaced. The table sorts again after.
     */
    static <R> void update(TableView<LiveRow<R>> table, List<R> rows, Function<R, Object> key) {
        Map<Object, LiveRow<R>> shown = new HashMap<>();
        for (LiveRow<R> r : table.getItems()) {
            shown.put(key.apply(r.get()), r);
        }
        boolean same = shown.size() == rows.size() && rows.stream().allMatch(r -> shown.containsKey(key.apply(r)));
        if (same) {
            for (R r : rows) {
                LiveRow<R> row = shown.get(key.apply(r));
                if (!row.get().equals(r)) {
                    row.value.set(r);
                }
            }
        } else {
            List<LiveRow<R>> fresh = new ArrayList<>();
            rows.forEach(r -> fresh.add(new LiveRow<>(r)));
            table.getItems().setAll(fresh);
        }
        if (!table.getSortOrder().isEmpty()) {
            table.sort();
        }
    }

    /** The text a column made by {@link #column} shows for a row's value. */
    @SuppressWarnings("unchecked")
    public static <R> String textOf(TableColumn<LiveRow<R>, ?> column, R value) {
        return ((Function<R, String>) column.getUserData()).apply(value);
    }

    /** The selected rows' values, in table order. */
    static <R> List<R> selected(TableView<LiveRow<R>> table) {
        return table.getSelectionModel().getSelectedItems().stream().map(LiveRow::get).toList();
    }

    /**
     * A column of text from each row's value, sorted by order.
     *
     * @param tooltip the cell's tooltip text, or null for none
     */
    static <R> TableColumn<LiveRow<R>, R> column(String title, double width, Function<R, String> text,
            Comparator<R> order, Function<R, String> tooltip) {
        TableColumn<LiveRow<R>, R> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> cell.getValue().valueProperty());
        c.setComparator(order);
        c.setUserData(text);
        c.setCellFactory(col -> new TableCell<>() {
            // one per cell, its text replaced: a live table updates its running rows every look
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                String t = empty || item == null || tooltip == null ? null : tooltip.apply(item);
                if (t == null || t.isEmpty()) {
                    setTooltip(null);
                } else {
                    tip.setText(t);
                    setTooltip(tip);
                }
            }
        });
        return c;
    }
}
