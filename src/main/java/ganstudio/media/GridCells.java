package ganstudio.media;

import java.util.Arrays;
import java.util.List;

/**
 * Cuts one cell out of a rendered sample grid and lays cells side by side again: how a view follows one noise
 * vector of the fixed bank across frames (the cell's index is the vector's index in the bank).
 */
public final class GridCells {

    private GridCells() {}

    /** The size² ARGB pixels of cell index in a grid picture drawn with this layout. */
    public static int[] extract(int[] grid, ImageGrid.Layout layout, int index) {
        if (index < 0 || index >= layout.count()) {
            throw new IllegalArgumentException("cell " + index + " of " + layout.count());
        }
        if (grid.length != layout.width() * layout.height()) {
            throw new IllegalArgumentException("a " + grid.length + "-pixel picture is not a " + layout.width() + "x"
                    + layout.height() + " grid");
        }
        int size = layout.size();
        int[] cell = new int[size * size];
        for (int y = 0; y < size; y++) {
            System.arraycopy(grid, (layout.y(index) + y) * layout.width() + layout.x(index), cell, y * size, size);
        }
        return cell;
    }

    /** Cells of size² pixels in one row, first on the left, with the grid's gutter: a filmstrip. */
    public static Frame strip(long step, List<int[]> cells, int size) {
        ImageGrid.Layout layout = new ImageGrid.Layout(Math.max(1, cells.size()), Math.max(1, cells.size()), size);
        int[] argb = new int[layout.width() * layout.height()];
        Arrays.fill(argb, ImageGrid.GUTTER_ARGB);
        for (int i = 0; i < cells.size(); i++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(cells.get(i), y * size, argb, (layout.y(i) + y) * layout.width() + layout.x(i), size);
            }
        }
        return Frame.image(step, layout.width(), layout.height(), argb);
    }
}
