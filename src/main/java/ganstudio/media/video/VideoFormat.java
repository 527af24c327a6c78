package ganstudio.media.video;

import ganstudio.config.UserError;

import java.nio.file.Path;
import java.util.Locale;

/** The containers a recording can be written to, chosen by the file's extension. */
public enum VideoFormat {
    MP4,
    GIF;

    public static VideoFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4")) {
            return MP4;
        }
        if (name.endsWith(".gif")) {
            return GIF;
        }
        throw new UserError(file + ": unknown video type; the file name must end in .mp4 (H.264) or .gif");
    }
}
