package ganstudio.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlaneRendererTest {

    // colour(t) for t = 0 (critic's lowest), 1/3 and 1 (highest), worked by hand from the three anchor colours:
    // t = 0 → (0.16, 0.38, 0.66)·255 = (40, 96, 168); t = 1/3 → 2/3 of the way from blue to near-white
    // = (0.6867, 0.76, 0.8533)·255 = (175, 193, 217); t = 2/3 → 1/3 of the way from near-white to orange
    // = (0.9533, 0.8167, 0.6867)·255 = (243, 208, 175); t = 1 → (0.96, 0.55, 0.16)·255 = (244, 140, 40).
    private static final int LOW = 0xFF2860A8;
    private static final int THIRD = 0xFFAFC1D9;
    private static final int TWO_THIRDS = 0xFFF3D0AF;
    private static final int HIGH = 0xFFF48C28;

    @Test
    void eachHeatmapCellFillsTheBlockOfPixelsItCoversNormalizedPerFrame() {
        // Cells row by row, top row first: 0 1 / 2 3, on a 4-pixel side: each cell is a 2×2 block.
        Frame f = PlaneRenderer.render(7, new float[0], new float[] {10, 11, 12, 13}, 2, 1.0, new double[0], 4);
        int[] expected = {
            LOW, LOW, THIRD, THIRD,
            LOW, LOW, THIRD, THIRD,
            TWO_THIRDS, TWO_THIRDS, HIGH, HIGH,
            TWO_THIRDS, TWO_THIRDS, HIGH, HIGH,
        };
        assertEquals(java.util.Arrays.toString(hex(expected)), java.util.Arrays.toString(hex(f.argb())));
        assertEquals(7, f.step());
    }

    @Test
    void unevenScaleGivesEdgeCellsTheirShareAndPointsDrawOnTop() {
        // 3 cells over 4 pixels: pixel x covers cell ⌊3x/4⌋ = 0, 0, 1, 2. A point at the plane's centre (0, 0)
        // lands on pixel (2, 2) and darkens its 3×3 neighbourhood, clipped at the frame's edge.
        float[] heat = {0, 0, 0, 0, 0, 0, 0, 0, 1};
        Frame f = PlaneRenderer.render(0, new float[] {0f, 0f}, heat, 3, 1.0, new double[0], 4);
        int dark = 0xFF101010;
        int[] expected = {
            LOW, LOW, LOW, LOW,
            LOW, dark, dark, dark,
            LOW, dark, dark, dark,
            LOW, dark, dark, dark,
        };
        assertEquals(java.util.Arrays.toString(hex(expected)), java.util.Arrays.toString(hex(f.argb())));
        Frame noPoint = PlaneRenderer.render(0, new float[0], heat, 3, 1.0, new double[0], 4);
        assertEquals(HIGH, noPoint.argb()[15]);
        assertEquals(LOW, noPoint.argb()[14]);
    }

    @Test
    void aFlatOrNonFiniteHeatmapIsDrawnMidScaleInsteadOfFailing() {
        Frame f = PlaneRenderer.render(0, new float[0], new float[] {Float.NaN, 2, 2, 2}, 2, 1.0, new double[0], 2);
        int mid = 0xFFF2F2F2; // t = 0.5: the near-white anchor (0.95·255 = 242)
        int lowForFlat = LOW; // a flat map's range falls back to 1, so every finite cell sits at t = 0
        assertEquals(mid, f.argb()[0]);
        assertEquals(lowForFlat, f.argb()[3]);
    }

    private static String[] hex(int[] argb) {
        String[] s = new String[argb.length];
        for (int i = 0; i < argb.length; i++) {
            s[i] = Integer.toHexString(argb[i]);
        }
        return s;
    }
}
