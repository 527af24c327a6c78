package ganstudio.media.video;

import ganstudio.config.UserError;

/**
 * How a recording looks: frames per second, which steps become frames, and the output size (0 × 0 = chosen
 * from the first frame: small pictures are enlarged by a whole factor, large ones shrunk to 1280 wide).
 */
public record VideoSettings(int fps, FramePacing pacing, int width, int height) {

    public static final int MAX_FPS = 60;

    public VideoSettings {
        if (fps < 1 || fps > MAX_FPS) {
            throw new UserError("--fps " + fps + ": expected 1 to " + MAX_FPS);
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new UserError("--video-size " + width + "x" + height + ": expected WIDTHxHEIGHT, e.g. 640x480");
        }
    }

    public static VideoSettings defaults() {
        return new VideoSettings(10, FramePacing.sqrt(), 0, 0);
    }

    public VideoSettings withFps(int f) {
        return new VideoSettings(f, pacing, width, height);
    }

    public VideoSettings withPacing(FramePacing p) {
        return new VideoSettings(fps, p, width, height);
    }

    public VideoSettings withSize(int w, int h) {
        return new VideoSettings(fps, pacing, w, h);
    }

    public boolean hasSize() {
        return width > 0;
    }

    /** "640x480" → a size; anything else is the user's to fix. Odd values are rounded up to even later. */
    public VideoSettings withSize(String text) {
        String[] wh = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (wh.length == 2) {
                int w = Integer.parseInt(wh[0]);
                int h = Integer.parseInt(wh[1]);
                if (w >= 64 && h >= 64 && w <= 4096 && h <= 4096) {
                    return withSize(w, h);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("--video-size " + text + ": expected WIDTHxHEIGHT between 64x64 and 4096x4096, e.g. 640x480");
    }

    public static int parseFps(String text) {
        try {
            int f = Integer.parseInt(text.trim());
            if (f >= 1 && f <= MAX_FPS) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("--fps " + text + ": expected a whole number from 1 to " + MAX_FPS);
    }
}
