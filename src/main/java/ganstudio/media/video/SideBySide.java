package ganstudio.media.video;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Two runs in one picture: left and right halves of equal size (the right picture is fitted to the left
 * one's size), a thin gutter between, one caption per half. Used to compare GAN and WGAN on the same seed.
 */
public final class SideBySide {

    private static final int GUTTER = 4;
    private static final int GUTTER_ARGB = 0xFF141414;

    private SideBySide() {}

    /** Either frame may be null (that run has no frame yet): its half stays dark. */
    public static VideoFrame compose(VideoFrame left, VideoFrame right) {
        VideoFrame ref = left != null ? left : right;
        if (ref == null) {
            throw new IllegalArgumentException("nothing to compose");
        }
        int w = ref.width();
        int h = ref.height();
        int outW = 2 * w + GUTTER;
        int[] out = new int[outW * h];
        java.util.Arrays.fill(out, GUTTER_ARGB);
        if (left != null) {
            blit(fit(left, w, h), w, h, out, outW, 0);
        }
        if (right != null) {
            blit(fit(right, w, h), w, h, out, outW, w + GUTTER);
        }
        long step = Math.max(left == null ? 0 : left.step(), right == null ? 0 : right.step());
        Caption lc = left == null ? null : left.captions().get(0);
        Caption rc = right == null ? null : right.captions().get(0);
        return new VideoFrame(step, outW, h, out, List.of(lc != null ? lc : Caption.stepOnly("", 0, 0),
                rc != null ? rc : Caption.stepOnly("", 0, 0)));
    }

    private static int[] fit(VideoFrame f, int w, int h) {
        if (f.width() == w && f.height() == h) {
            return f.argb();
        }
        BufferedImage src = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        src.setRGB(0, 0, f.width(), f.height(), f.argb(), 0, f.width());
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setColor(new java.awt.Color(GUTTER_ARGB));
            g.fillRect(0, 0, w, h);
            double s = Math.min((double) w / f.width(), (double) h / f.height());
            int dw = (int) (f.width() * s);
            int dh = (int) (f.height() * s);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, (w - dw) / 2, (h - dh) / 2, dw, dh, null);
        } finally {
            g.dispose();
        }
        return dst.getRGB(0, 0, w, h, null, 0, w);
    }

    private static void blit(int[] src, int w, int h, int[] out, int outW, int x0) {
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * w, out, y * outW + x0, w);
        }
    }
}
