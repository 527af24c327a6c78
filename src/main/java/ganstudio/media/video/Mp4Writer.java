package ganstudio.media.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.Brand;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * H.264 (baseline, 4:2:0) in an MP4 ("isom") container, written by jcodec: pure Java, no ffmpeg. The moov box
 * goes at the end, so the file becomes playable in {@link #close()}; the Recorder makes sure that runs when
 * a run stops, fails or the JVM exits.
 */
public final class Mp4Writer extends FrameFileWriter {

    /** Ticks per frame slot: a timescale of fps × 1000 keeps every duration exact. */
    private static final int TICKS_PER_SLOT = 1000;
    /** One IDR frame every 2 s at 10 fps: cheap to seek when stepping frame by frame. */
    private static final int KEY_INTERVAL = 20;
    /**
     * ±4 pixels instead of jcodec's ±16: consecutive training frames barely move, and on a 512×554 ring8
     * video this took the encoder from about 94 to 60 ms of CPU per frame for 13% more bytes.
     */
    private static final int MOTION_SEARCH_RANGE = 4;

    private final SeekableByteChannel channel;
    private final MP4Muxer muxer;
    private final MuxerTrack track;
    private final H264Encoder encoder;
    private final Picture picture;
    private final ByteBuffer buffer;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;
    private long pts;

    public Mp4Writer(Path file, int width, int height, int fps) throws IOException {
        super(width, height, fps);
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("H.264 4:2:0 needs even dimensions, not " + width + "x" + height);
        }
        this.channel = NIOUtils.writableChannel(file.toFile());
        try {
            this.muxer = MP4Muxer.createMP4Muxer(channel, Brand.MP4);
            this.track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.encoder = new SignalledH264Encoder(new ConstantQp(22));
        encoder.setKeyInterval(KEY_INTERVAL);
        encoder.setMotionSearchRange(MOTION_SEARCH_RANGE);
        this.picture = Picture.create(width, height, ColorSpace.YUV420J);
        this.buffer = ByteBuffer.allocate(Math.max(1 << 16, width * height * 3));
        this.y = new byte[width * height];
        this.u = new byte[width * height / 4];
        this.v = new byte[width * height / 4];
    }

    @Override
    protected void writeFrame(int[] argb, int slots) throws IOException {
        YuvConverter.convert(argb, width, height, y, u, v);
        // jcodec keeps 8-bit samples as signed bytes, shifted by −128.
        shift(y, picture.getPlaneData(0));
        shift(u, picture.getPlaneData(1));
        shift(v, picture.getPlaneData(2));
        buffer.clear();
        VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(picture, buffer);
        long duration = (long) slots * TICKS_PER_SLOT;
        Packet packet = Packet.createPacket(NIOUtils.clone(encoded.getData()), pts, fps * TICKS_PER_SLOT, duration,
                frames, encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null);
        track.addFrame(packet);
        pts += duration;
    }

    private static void shift(byte[] from, byte[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = (byte) ((from[i] & 0xFF) - 128);
        }
    }

    /** The index (moov); a video with no frames stays an empty, unplayable file. */
    @Override
    protected void finishFile() throws IOException {
        muxer.finish();
    }

    @Override
    protected void release() throws IOException {
        channel.close();
    }

    /** Adds a VUI to the SPS: limited range, BT.709 primaries, transfer and matrix (what YuvConverter writes). */
    private static final class SignalledH264Encoder extends H264Encoder {

        SignalledH264Encoder(RateControl rc) {
            super(rc);
        }

        @Override
        public SeqParameterSet initSPS(Size size) {
            SeqParameterSet sps = super.initSPS(size);
            VUIParameters vui = new VUIParameters();
            vui.videoSignalTypePresentFlag = true;
            vui.videoFormat = 5; // unspecified
            vui.videoFullRangeFlag = false;
            vui.colourDescriptionPresentFlag = true;
            vui.colourPrimaries = 1;
            vui.transferCharacteristics = 1;
            vui.matrixCoefficients = 1;
            sps.vuiParams = vui;
            return sps;
        }
    }

    /**
     * The same quantizer for I and P frames. jcodec's default control codes P frames 6 steps coarser, which
     * makes the small overlay text pulse every key interval. A macroblock over its bit budget (pure noise, as
     * in the first samples of a GAN) is coded again one step coarser, so a frame always fits the encoder's
     * w × h byte slice buffer; the next macroblock starts from the target again.
     */
    private static final class ConstantQp implements RateControl {

        private static final int MAX_BITS_PER_MB = 256 * 5;
        private final int qp;
        private int current;

        ConstantQp(int qp) {
            this.qp = qp;
        }

        @Override
        public int startPicture(Size size, int maxSize, SliceType sliceType) {
            current = qp;
            return qp;
        }

        @Override
        public int initialQpDelta() {
            int delta = qp - current;
            current = qp;
            return delta;
        }

        @Override
        public int accept(int bits) {
            if (bits > MAX_BITS_PER_MB && current < 51) {
                current++;
                return 1;
            }
            return 0;
        }
    }
}
