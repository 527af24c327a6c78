package ganstudio.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A line chart of several variants against generator iteration: each variant's mean over its seeds as a line,
 * with the band from the lowest to the highest seed shaded behind it in the same colour. Drawn with java.awt into
 * an image, so it needs no display (java.awt.headless=true) and no JavaFX.
 */
public final class BandPlot {

    public static final int DEFAULT_WIDTH = 1000;
    public static final int DEFAULT_HEIGHT = 560;

    /** Tableau 10: ten hues told apart also by most colour-blind readers, and on paper. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};

    private static final Color INK = new Color(0x222222);
    private static final Color MUTED = new Color(0x666666);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final int BAND_ALPHA = 46; // of 255: seeds' spread visible, a mean line over it still clear
    private static final int LEGEND_MAX = 320;

    /**
     * One variant on the plot.
     *
     * @param colour the variant's colour number, the same in every plot of a report (past ten: dashed lines)
     */
    public record Series(String label, int colour, SeedBand band) {}

    private final String title;
    private final String subtitle;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final boolean fromZero;
    private final List<Series> series;

    private BandPlot(Builder b) {
        this.title = b.title;
        this.subtitle = b.subtitle;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
        this.fromZero = b.fromZero;
        this.series = List.copyOf(b.series);
    }

    public static Builder builder() {
        return new Builder();
    }

    public BufferedImage render() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(render(), "png", out)) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void draw(Graphics2D g) {
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font heading = new Font(Font.SANS_SERIF, Font.BOLD, 18);

        double[] xr = xRange();
        double[] yr = yRange();
        AxisTicks xt = AxisTicks.within(xr[0], xr[1], 8);
        AxisTicks yt = fromZero ? AxisTicks.within(yr[0], yr[1], 6) : AxisTicks.of(yr[0], yr[1], 6);

        g.setFont(tick);
        FontMetrics tm = g.getFontMetrics();
        int yTickWidth = 0;
        for (double v : yt.values()) {
            yTickWidth = Math.max(yTickWidth, tm.stringWidth(yt.label(v)));
        }
        g.setFont(label);
        int legendWidth = legendWidth(g.getFontMetrics());
        int left = 20 + g.getFontMetrics().getHeight() + 8 + yTickWidth + 8;
        int top = subtitle.isEmpty() ? 52 : 72;
        int right = width - legendWidth - 28;
        int bottom = height - 58;
        Rectangle2D.Double area = new Rectangle2D.Double(left, top, right - left, bottom - top);
        Axis x = new Axis(xt.lo(), xt.hi(), area.x, area.x + area.width);
        Axis y = new Axis(yt.lo(), yt.hi(), area.y + area.height, area.y);

        g.setStroke(new BasicStroke(1f));
        g.setFont(tick);
        for (double v : xt.values()) {
            double px = x.px(v);
            g.setColor(GRID);
            g.draw(new Line2D.Double(px, area.y, px, area.y + area.height));
            g.setColor(MUTED);
            String s = xt.label(v);
            float baseline = (float) (area.y + area.height + 6 + tm.getAscent());
            g.drawString(s, (float) (px - tm.stringWidth(s) / 2.0), baseline);
        }
        for (double v : yt.values()) {
            double py = y.px(v);
            g.setColor(GRID);
            g.draw(new Line2D.Double(area.x, py, area.x + area.width, py));
            g.setColor(MUTED);
            String s = yt.label(v);
            g.drawString(s, (float) (area.x - 8 - tm.stringWidth(s)), (float) (py + tm.getAscent() / 2.0 - 1));
        }

        Shape clip = g.getClip();
        g.clip(area);
        for (Series s : series) {
            Color c = colour(s.colour());
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA));
            g.fill(bandShape(s.band(), x, y));
        }
        for (Series s : series) {
            g.setColor(colour(s.colour()));
            g.setStroke(lineStroke(s.colour()));
            g.draw(meanShape(s.band(), x, y));
        }
        g.setClip(clip);

        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(1f));
        g.draw(area);

        g.setFont(label);
        FontMetrics lm = g.getFontMetrics();
        g.setColor(INK);
        g.drawString(xLabel, (float) (area.getCenterX() - lm.stringWidth(xLabel) / 2.0), height - 16f);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, (float) (-area.getCenterY() - lm.stringWidth(yLabel) / 2.0), 20f + lm.getAscent());
        g.setTransform(saved);

        g.setFont(heading);
        g.drawString(title, (float) area.x, 30f);
        if (!subtitle.isEmpty()) {
            g.setFont(label);
            g.setColor(MUTED);
            g.drawString(subtitle, (float) area.x, 52f);
        }
        drawLegend(g, right + 20, top);
    }

    private int legendWidth(FontMetrics fm) {
        int w = 0;
        for (Series s : series) {
            w = Math.max(w, fm.stringWidth(s.label()));
        }
        return Math.min(LEGEND_MAX, w + 36);
    }

    private void drawLegend(Graphics2D g, int x0, int y0) {
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(label);
        FontMetrics fm = g.getFontMetrics();
        int row = fm.getHeight() + 8;
        int maxText = LEGEND_MAX - 36;
        int rows = Math.max(1, (height - 58 - y0) / row);
        for (int i = 0; i < series.size(); i++) {
            int y = y0 + i * row;
            if (i == rows - 1 && series.size() > rows) {
                g.setColor(MUTED);
                g.drawString("… and " + (series.size() - i) + " more", x0, y + fm.getAscent());
                break;
            }
            Series s = series.get(i);
            Color c = colour(s.colour());
            int mid = y + fm.getHeight() / 2;
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA + 30));
            g.fillRect(x0, mid - 6, 26, 12);
            g.setColor(c);
            g.setStroke(lineStroke(s.colour()));
            g.drawLine(x0, mid, x0 + 26, mid);
            g.setColor(INK);
            g.drawString(fit(s.label(), fm, maxText), x0 + 34, y + fm.getAscent());
        }
    }

    /** The text cut to a width, with an ellipsis, so a long variant label never runs off the image. */
    static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    private static BasicStroke lineStroke(int colour) {
        if (Math.floorMod(colour, PALETTE.length * 2) < PALETTE.length) {
            return new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);
    }

    private static Path2D bandShape(SeedBand b, Axis x, Axis y) {
        Path2D.Double p = new Path2D.Double();
        int n = b.size();
        p.moveTo(x.px(b.steps()[0]), y.px(b.max()[0]));
        for (int i = 1; i < n; i++) {
            p.lineTo(x.px(b.steps()[i]), y.px(b.max()[i]));
        }
        for (int i = n - 1; i >= 0; i--) {
            p.lineTo(x.px(b.steps()[i]), y.px(b.min()[i]));
        }
        p.closePath();
        return p;
    }

    private static Path2D meanShape(SeedBand b, Axis x, Axis y) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x.px(b.steps()[0]), y.px(b.mean()[0]));
        for (int i = 1; i < b.size(); i++) {
            p.lineTo(x.px(b.steps()[i]), y.px(b.mean()[i]));
        }
        return p;
    }

    /** From generator iteration 0, where every run starts, to the last step logged. */
    private double[] xRange() {
        double lo = 0;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            lo = Math.min(lo, s.band().steps()[0]);
            hi = Math.max(hi, s.band().steps()[s.band().size() - 1]);
        }
        return new double[] {lo, hi};
    }

    /**
     * The y range: the bands from their 0.5th to their 99.5th percentile, so the first few steps' spikes (an
     * untrained critic's loss can be 100 times its later scale) do not flatten the rest of the run into a line;
     * what lies beyond is clipped at the plot's edge.
     */
    private double[] yRange() {
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        for (Series s : series) {
            for (double v : s.band().min()) {
                lows.add(v);
            }
            for (double v : s.band().max()) {
                highs.add(v);
            }
        }
        double lo = percentile(lows, 0.005);
        double hi = percentile(highs, 0.995);
        if (fromZero) {
            lo = Math.min(0, lo);
            hi = Math.max(hi, Collections.max(highs));
        }
        double pad = (hi - lo) * 0.04;
        return new double[] {fromZero && lo == 0 ? 0 : lo - pad, hi + pad};
    }

    private static double percentile(List<Double> values, double q) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[(int) Math.round(q * (v.length - 1))];
    }

    /** Data to pixels along one axis. */
    private record Axis(double lo, double hi, double from, double to) {
        double px(double v) {
            return from + (v - lo) / (hi - lo) * (to - from);
        }
    }

    /** Builds a plot: setX for what it must have, optX for what has a default. */
    public static final class Builder {
        private String title = "";
        private String subtitle = "";
        private String xLabel = "generator iteration";
        private String yLabel = "";
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private boolean fromZero;
        private final List<Series> series = new ArrayList<>();

        private Builder() {}

        public Builder setTitle(String title) {
            this.title = title;
            return this;
        }

        public Builder setYLabel(String yLabel) {
            this.yLabel = yLabel;
            return this;
        }

        public Builder optSubtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        public Builder optXLabel(String xLabel) {
            this.xLabel = xLabel;
            return this;
        }

        public Builder optSize(int width, int height) {
            if (width < 320 || height < 200) {
                throw new IllegalArgumentException(width + "x" + height + " is too small for a plot (320x200 at "
                        + "least)");
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** Counts (modes captured) read best from 0, where "none" is. */
        public Builder optFromZero(boolean fromZero) {
            this.fromZero = fromZero;
            return this;
        }

        public Builder addSeries(String label, int colour, SeedBand band) {
            if (band.isEmpty()) {
                throw new IllegalArgumentException(label + ": no points to draw");
            }
            series.add(new Series(label, colour, band));
            return this;
        }

        public BandPlot build() {
            if (series.isEmpty()) {
                throw new IllegalStateException("a plot needs at least one series");
            }
            return new BandPlot(this);
        }
    }
}
