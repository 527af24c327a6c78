package ganstudio.media.video;

import ganstudio.config.UserError;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Locale;

/**
 * Lays a frame out for the video: the picture, scaled into a fixed content area (letterboxed if its shape
 * changes), and below it a caption strip per column with run, objective, step and the latest losses. The
 * strip sits under the picture rather than on it, so no sample or point is hidden. The size is fixed by the
 * first frame (or the settings), as a video cannot change size; both sides are even, as H.264 4:2:0 needs.
 */
public final class FrameCanvas {

    private static final int BACKGROUND = 0xFF141414;
    private static final Color TEXT = new Color(0xF2F2F2);
    private static final Color DIM = new Color(0xA8A8A8);
    private static final Color WARN = new Color(0xFFA040);
    private static final Color RULE = new Color(0x3A3A3A);
    private static final int AUTO_MIN_SIDE = 480;
    private static final int AUTO_MAX_WIDTH = 1280;

    private final int width;
    private final int height;
    private final int contentHeight;
    private final int fontSize;
    private final BufferedImage canvas;
    private final int[] pixels;
    private final Font font;
    private final Font bold;

    private FrameCanvas(int width, int height, int contentHeight, int fontSize) {
        this.width = width;
        this.height = height;
        this.contentHeight = contentHeight;
        this.fontSize = fontSize;
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        this.font = new Font(Font.MONOSPACED, Font.PLAIN, fontSize);
        this.bold = new Font(Font.MONOSPACED, Font.BOLD, fontSize);
    }

    /**
     * The layout for frames like this one. Without a size in the settings, small pictures (a 242-pixel sample
     * grid) grow by a whole factor to at least 480 pixels so their pixels stay sharp, wide ones (a dashboard)
     * shrink to 1280; with a size, the whole video (strip included) is that size, rounded up to even.
     */
    public static FrameCanvas forFirstFrame(VideoFrame first, VideoSettings settings) {
        int columns = Math.max(1, first.captions().size());
        if (settings.hasSize()) {
            int w = even(settings.width());
            int h = even(settings.height());
            int font = fontFor(w / columns);
            int strip = stripHeight(font);
            if (h - strip < 16) {
                throw new ganstudio.config.UserError("--video-size " + settings.width() + "x" + settings.height()
                        + ": too small for the picture and its caption; try at least " + w + "x" + (strip + 64));
            }
            return new FrameCanvas(w, h, h - strip, font);
        }
        int cw = first.width();
        int ch = first.height();
        int longest = Math.max(cw, ch);
        if (longest < AUTO_MIN_SIDE) {
            int factor = Math.min(4, (AUTO_MIN_SIDE + longest - 1) / longest);
            cw *= factor;
            ch *= factor;
        } else if (cw > AUTO_MAX_WIDTH) {
            ch = (int) Math.round((double) ch * AUTO_MAX_WIDTH / cw);
            cw = AUTO_MAX_WIDTH;
        }
        int w = even(cw);
        int font = fontFor(w / columns);
        int strip = stripHeight(font);
        return new FrameCanvas(w, even(ch + strip), even(ch + strip) - strip, font);
    }

    private static int even(int v) {
        return v + (v & 1);
    }

    private static int fontFor(int columnWidth) {
        return Math.max(10, Math.min(18, columnWidth / 36));
    }

    private static int stripHeight(int font) {
        return (int) Math.ceil(font * 3.0);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Draws one frame; the returned array is reused by the next call.
     *
     * @param dropped frames dropped so far (the encoder fell behind): said in the strip when not zero
     */
    public int[] render(VideoFrame frame, int dropped) {
        java.util.Arrays.fill(pixels, BACKGROUND);
        drawContent(frame);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            List<Caption> captions = frame.captions();
            int columns = Math.max(1, captions.size());
            g.setColor(RULE);
            g.fillRect(0, contentHeight, width, 1);
            for (int c = 0; c < captions.size(); c++) {
                int x0 = c * width / columns;
                int x1 = (c + 1) * width / columns;
                if (c > 0) {
                    g.fillRect(x0, contentHeight, 1, height - contentHeight);
                }
                drawCaption(g, captions.get(c), x0, x1, c == columns - 1 ? dropped : 0);
                g.setColor(RULE);
            }
        } finally {
            g.dispose();
        }
        return pixels;
    }

    private void drawContent(VideoFrame f) {
        double scale = Math.min((double) width / f.width(), (double) contentHeight / f.height());
        int dw = Math.max(1, (int) Math.floor(f.width() * scale));
        int dh = Math.max(1, (int) Math.floor(f.height() * scale));
        int ox = (width - dw) / 2;
        int oy = (contentHeight - dh) / 2;
        if (scale >= 1 && Math.abs(scale - Math.rint(scale)) < 1e-9) {
            // Whole-factor enlargement by pixel replication: sample grids stay crisp.
            int k = (int) Math.rint(scale);
            int[] src = f.argb();
            for (int y = 0; y < dh; y++) {
                int srow = (y / k) * f.width();
                int drow = (oy + y) * width + ox;
                for (int x = 0; x < dw; x++) {
                    pixels[drow + x] = src[srow + x / k];
                }
            }
            return;
        }
        BufferedImage src = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        src.setRGB(0, 0, f.width(), f.height(), f.argb(), 0, f.width());
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale < 1
                    ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, ox, oy, dw, dh, null);
        } finally {
            g.dispose();
        }
    }

    private void drawCaption(Graphics2D g, Caption c, int x0, int x1, int dropped) {
        int pad = Math.max(4, fontSize / 2);
        int avail = x1 - x0 - 2 * pad;
        String head = join(c.title(), c.objective().isEmpty() ? "" : Caption.describeObjective(c.objective()));
        String step = c.totalSteps() > 0
                ? String.format(Locale.ROOT, "step %,d / %,d", c.step(), c.totalSteps())
                : String.format(Locale.ROOT, "step %,d", c.step());
        StringBuilder losses = new StringBuilder();
        appendValue(losses, "D loss", c.lossD());
        appendValue(losses, "G loss", c.lossG());
        appendValue(losses, "W est.", c.wEstimate());
        String warn = dropped > 0 ? String.format(Locale.ROOT, "%,d dropped", dropped) : "";
        Font f = font;
        Font b = bold;
        // Shrink the text until both lines fit the column.
        for (int size = fontSize; size >= 8; size--) {
            f = font.deriveFont((float) size);
            b = bold.deriveFont((float) size);
            FontMetrics fm = g.getFontMetrics(f);
            FontMetrics bm = g.getFontMetrics(b);
            int line1 = bm.stringWidth(head) + fm.stringWidth("  " + step);
            int line2 = fm.stringWidth(losses.toString()) + (warn.isEmpty() ? 0 : bm.stringWidth("  " + warn));
            if (Math.max(line1, line2) <= avail) {
                break;
            }
        }
        FontMetrics fm = g.getFontMetrics(f);
        FontMetrics bm = g.getFontMetrics(b);
        int stripTop = contentHeight + 1;
        int stripH = height - stripTop;
        int lineH = fm.getAscent() + fm.getDescent();
        int gap = Math.max(0, (stripH - 2 * lineH) / 3);
        int y1 = stripTop + gap + fm.getAscent();
        int y2 = y1 + fm.getDescent() + gap + fm.getAscent();
        g.setFont(b);
        g.setColor(TEXT);
        g.drawString(head, x0 + pad, y1);
        g.setFont(f);
        g.drawString(step, x1 - pad - fm.stringWidth(step), y1);
        g.setColor(DIM);
        g.drawString(losses.toString(), x0 + pad, y2);
        if (!warn.isEmpty()) {
            g.setFont(b);
            g.setColor(WARN);
            g.drawString(warn, x1 - pad - bm.stringWidth(warn), y2);
        }
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + " · " + b;
    }

    private static void appendValue(StringBuilder sb, String name, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (sb.length() > 0) {
            sb.append("   ");
        }
        sb.append(name).append(' ').append(number(v));
    }

    /** Four decimals, or three significant digits for values a WGAN critic with clipping makes (1e-5). */
    static String number(double v) {
        double a = Math.abs(v);
        String s = a == 0 || (a >= 0.01 && a < 1e5) ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.2e", v);
        return s.replace('-', '\u2212');
    }
}
