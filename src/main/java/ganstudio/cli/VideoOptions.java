package ganstudio.cli;

import ganstudio.media.video.FramePacing;
import ganstudio.media.video.VideoSettings;

import picocli.CommandLine.Option;

/** The video options shared by `train --record` and `video`: --fps, --video-every, --video-size. */
final class VideoOptions {

    @Option(names = "--fps", paramLabel = "N", order = 40,
            description = "Frames per second of the video (default: 10).")
    Integer fps;

    @Option(names = "--video-every", paramLabel = "N|sqrt", order = 41,
            description = "Which frames: every N-th step, or sqrt (one whenever round(2*sqrt(step)) advances) "
                    + "(default: sqrt while training, every saved frame for `video`).")
    String every;

    @Option(names = "--video-size", paramLabel = "WxH", order = 42,
            description = "The video's size in pixels, e.g. 640x480 (default: the frames' own, even-sized).")
    String size;

    boolean given() {
        return fps != null || every != null || size != null;
    }

    VideoSettings settings(FramePacing defaultPacing) {
        VideoSettings s = VideoSettings.defaults().withPacing(defaultPacing);
        if (fps != null) {
            s = s.withFps(VideoSettings.parseFps(String.valueOf(fps)));
        }
        if (every != null) {
            s = s.withPacing(FramePacing.parse(every));
        }
        if (size != null) {
            s = s.withSize(size);
        }
        return s;
    }
}
