package ganstudio.cli;

import ganstudio.media.video.FramePacing;
import ganstudio.media.video.VideoSettings;

import java.util.List;

/** The video flags shared by `train --record` and `video`: --fps, --video-every, --video-size. */
final class VideoOptions {

    static final List<String> FLAGS = List.of("--fps", "--video-every", "--video-size");

    private VideoOptions() {}

    static VideoSettings parse(Options o, FramePacing defaultPacing) {
        VideoSettings s = VideoSettings.defaults().withPacing(defaultPacing);
        if (o.has("--fps")) {
            s = s.withFps(VideoSettings.parseFps(o.get("--fps")));
        }
        if (o.has("--video-every")) {
            s = s.withPacing(FramePacing.parse(o.get("--video-every")));
        }
        if (o.has("--video-size")) {
            s = s.withSize(o.get("--video-size"));
        }
        return s;
    }
}
