package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {

    private static ImageSet gray2x2(float... values) {
        return new ImageSet(1, 1, 2, 2, values, new int[] {4}, List.of(), "test");
    }

    @Test
    void upscalingIsBilinearAndKeepsConstants() {
        ImageSet constant = ImageTransforms.resize(gray2x2(0.5f, 0.5f, 0.5f, 0.5f), 7);
        assertEquals(7, constant.height());
        for (float v : constant.pixels()) {
            assertEquals(0.5f, v, 1e-6);
        }
        ImageSet ramp = ImageTransforms.resize(gray2x2(-1f, 1f, -1f, 1f), 4);
        // half-pixel centres: output x=0,1,2,3 sample source x=-0.25(clamped 0),0.25,0.75,1.25(clamped 1)
        assertArrayEquals(new float[] {-1f, -0.5f, 0.5f, 1f}, Arrays.copyOf(ramp.pixels(), 4), 1e-6f);
        assertArrayEquals(new int[] {4}, ramp.labels());
    }

    @Test
    void sameSizeIsUnchanged() {
        ImageSet set = gray2x2(0f, 0f, 0f, 0f);
        assertSame(set, ImageTransforms.resize(set, 2));
        assertSame(set, ImageTransforms.toChannels(set, 1));
    }

    @Test
    void channelConversion() {
        ImageSet rgb = ImageTransforms.toChannels(gray2x2(-1f, 0f, 0.5f, 1f), 3);
        assertEquals(3, rgb.channels());
        assertArrayEquals(new float[] {-1f, 0f, 0.5f, 1f, -1f, 0f, 0.5f, 1f, -1f, 0f, 0.5f, 1f}, rgb.pixels());
        ImageSet back = ImageTransforms.toChannels(rgb, 1);
        assertArrayEquals(new float[] {-1f, 0f, 0.5f, 1f}, back.pixels(), 1e-6f);

        float[] red = new float[12];
        Arrays.fill(red, -1f);
        Arrays.fill(red, 0, 4, 1f);
        ImageSet gray = ImageTransforms.toChannels(new ImageSet(1, 3, 2, 2, red, null, List.of(), "r"), 1);
        assertEquals((float) (0.299 * 2 - 1), gray.pixels()[0], 1e-6);
    }
}
