package ganstudio.ui.gan;

import ganstudio.media.Frame;
import ganstudio.media.GridCells;
import ganstudio.media.ImageGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One noise vector of the fixed bank followed across frames: its cell of every frame seen so far, by step.
 * Holds only the cells, not the frames, so a long run costs size² ints per saved frame.
 */
final class FollowedCell {

    private final int index;
    private final ImageGrid.Layout layout;
    private final TreeMap<Long, int[]> cells = new TreeMap<>();

    FollowedCell(int index, ImageGrid.Layout layout) {
        if (index < 0 || index >= layout.count()) {
            throw new IllegalArgumentException("cell " + index + " of " + layout.count());
        }
        this.index = index;
        this.layout = layout;
    }

    int index() {
        return index;
    }

    ImageGrid.Layout layout() {
        return layout;
    }

    /** The followed cell of a grid frame, or null when the frame is not a grid of this layout. */
    int[] cellOf(Frame frame) {
        return frame.width() == layout.width() && frame.height() == layout.height()
                ? GridCells.extract(frame.argb(), layout, index)
                : null;
    }

    /** Adds the frame's cell (a frame of another shape is ignored); a frame of a known step replaces it. */
    void add(Frame frame) {
        int[] cell = cellOf(frame);
        if (cell != null) {
            cells.put(frame.step(), cell);
        }
    }

    void addAll(Map<Long, int[]> byStep) {
        cells.putAll(byStep);
    }

    int frames() {
        return cells.size();
    }

    /** The cell at the newest frame at or before step, or null when there is none. */
    int[] at(long step) {
        Map.Entry<Long, int[]> e = cells.floorEntry(step);
        return e == null ? null : e.getValue();
    }

    Long newestStep() {
        return cells.isEmpty() ? null : cells.lastKey();
    }

    /**
     * Steps for a filmstrip of at most max cells, oldest first: all of them when they fit, else evenly spaced
     * ones that keep the first and the newest (a picture wider than a texture would not draw).
     */
    List<Long> stripSteps(int max) {
        List<Long> all = new ArrayList<>(cells.keySet());
        if (all.size() <= max) {
            return all;
        }
        List<Long> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            picked.add(all.get((int) Math.round((double) i * (all.size() - 1) / (max - 1))));
        }
        return picked;
    }

    /** The filmstrip of the given steps' cells, left to right. */
    Frame strip(List<Long> steps) {
        List<int[]> row = new ArrayList<>(steps.size());
        for (long s : steps) {
            row.add(cells.get(s));
        }
        return GridCells.strip(steps.isEmpty() ? 0 : steps.get(steps.size() - 1), row, layout.size());
    }
}
