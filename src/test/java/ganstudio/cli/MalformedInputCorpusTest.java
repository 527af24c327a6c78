package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;
import ganstudio.AppCommands;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 22: a corpus of malformed inputs (IDX, CIFAR, PNG/JPEG folders, presets, run folders,
 * options), each run through the CLI in-process and each rejected the same way: exit code 2, exactly one line on
 * stderr that starts with "error: " and names the file or key, no stack trace, and nothing created or changed
 * in the case's folder (the --out folder included). Training never starts: every input fails while the command
 * checks its options or loads its data.
 *
 * <p>To add a case, append to {@link #CASES}: a name, what to write into the case's own folder and the command to
 * run there ({@link Setup}), and the message expected after "error: " ({@link #exact} for the whole line,
 * {@link #containing} for a part of it). {@code {dir}} in the message stands for the case's folder. Checkpoint
 * cases (state.bin, *.params) go in the same table: {@link #runWithCheckpoint} writes a run folder with a
 * checkpoint folder to corrupt.
 */
class MalformedInputCorpusTest {

    /** Writes a case's files into its (empty) folder and returns the command line. The --out folder is dir/out. */
    interface Setup {
        String[] prepare(Path dir) throws IOException;
    }

    /** One malformed input and the message it must produce. */
    record Case(String name, Setup setup, String message, boolean exact) {}

    static final List<Case> CASES = new ArrayList<>();

    static void exact(String name, String message, Setup setup) {
        CASES.add(new Case(name, setup, message, true));
    }

    static void containing(String name, String message, Setup setup) {
        CASES.add(new Case(name, setup, message, false));
    }

    // ---------------------------------------------------------------- helpers that write malformed files

    static byte[] idxImages(int magic, int count, int rows, int cols, int pixelBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < pixelBytes; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    static byte[] idxLabels(int magic, int count, byte... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(magic).putInt(count).put(labels);
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] gzipOf8Zeros() {
        try {
            return gzip(new byte[8]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    static Path write(Path file, String text) throws IOException {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Three 4x4 images and their labels, raw: the good pair the label cases spoil. */
    static byte[] goodImages() {
        return idxImages(0x803, 3, 4, 4, 48);
    }

    /**
     * A valid PNG of width x height 1-bit gray pixels, all black, written by hand: 12000 x 12000 is 17 KB on
     * disk and 144 million pixels decoded.
     */
    static byte[] blackPng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8];
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(t);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A small JPEG whose frame header (SOF0) claims 12000 x 12000. */
    static byte[] jpegClaiming12000() throws IOException {
        byte[] jpg = image("jpg", 16, 16);
        for (int i = 0; i + 8 < jpg.length; i++) {
            if ((jpg[i] & 0xFF) == 0xFF && (jpg[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(jpg, i + 5, 4).putShort((short) 12000).putShort((short) 12000);
                return jpg;
            }
        }
        throw new IllegalStateException("no SOF0 marker");
    }

    /** A folder holding a valid config.json of a ring8 GAN, with the given summary (null: none). */
    static Path run(Path dir, String summary) throws IOException {
        Path run = dir.resolve("run");
        write(run.resolve("config.json"), RunConfig.defaults().toJson());
        if (summary != null) {
            write(run.resolve("summary.json"), summary);
        }
        return run;
    }

    /** A run folder with an (empty) checkpoint folder: latest points at it, ready to be corrupted. */
    static Path runWithCheckpoint(Path dir) throws IOException {
        Path run = run(dir, "{\"status\": \"stopped\"}");
        Files.createDirectories(run.resolve("checkpoints/step-000000001"));
        write(run.resolve("checkpoints/latest"), "step-000000001\n");
        return run;
    }

    static String deepJson(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** train a GAN preset on data.kind = kind at path; fails while loading the data, before any step. */
    static String[] trainOn(Path dir, String kind, Path path) {
        return new String[] {"train", "--preset", "fashion-dcgan", "--steps", "1", "--set", "eval.classifier=none",
            "--set", "data.kind=" + kind, "--set", "data.path=" + path, "--out", dir.resolve("out").toString()};
    }

    static String[] trainPreset(Path dir, Path preset) {
        return new String[] {"train", "--preset", preset.toString(), "--out", dir.resolve("out").toString()};
    }

    static String[] args(Path dir, String... args) {
        String[] a = args.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i].replace("{dir}", dir.toString());
        }
        return a;
    }

    // ---------------------------------------------------------------- the corpus

    static {
        // IDX
        exact("idx: wrong magic", "train-images-idx3-ubyte: wrong magic number 0x00000000 (expected 0x00000803 for"
                + " an IDX image file)",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0, 1, 4, 4, 16))));
        exact("idx: header cut short", "train-images-idx3-ubyte: truncated: 10 bytes is shorter than the 16-byte"
                + " IDX image header",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"),
                        Arrays.copyOf(idxImages(0x803, 1, 4, 4, 0), 10))));
        exact("idx: pixels cut short", "train-images-idx3-ubyte: truncated: expected 64 bytes (16-byte header + 3"
                + " images of 4x4) but found 40",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0x803, 3, 4, 4, 24))));
        exact("idx: 1 x 46340 x 46340 in a 16-byte file", "train-images-idx3-ubyte: truncated: expected 2147395616"
                + " bytes (16-byte header + 1 images of 46340x46340) but found 16",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0x803, 1, 46340, 46340,
                        0))));
        exact("idx.gz: 1 x 46340 x 46340", "train-images-idx3-ubyte.gz: the header says 1 images of 46340x46340;"
                + " image sides over 4096 pixels are not read (is the header corrupt?)",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte.gz"),
                        gzip(idxImages(0x803, 1, 46340, 46340, 0)))));
        exact("idx: 200000 x 100 x 100 in a 16-byte file", "train-images-idx3-ubyte: truncated: expected"
                + " 2000000016 bytes (16-byte header + 200000 images of 100x100) but found 16",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0x803, 200000, 100, 100,
                        0))));
        exact("idx.gz: 200000 x 100 x 100, 16 bytes inside", "train-images-idx3-ubyte.gz: truncated: expected"
                + " 2000000016 bytes (16-byte header + 200000 images of 100x100) but found 16 after decompression",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte.gz"),
                        gzip(idxImages(0x803, 200000, 100, 100, 0)))));
        containing("idx: zero rows", "train-images-idx3-ubyte: row count in the header is 0",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0x803, 1, 0, 4, 0))));
        containing("idx: negative count", "train-images-idx3-ubyte: image count in the header is -1",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0x803, -1, 4, 4, 0))));
        exact("idx: trailing bytes", "train-images-idx3-ubyte: 67 bytes but the header (3 images of 4x4) accounts"
                + " for 64 (the file is corrupt or the header is wrong)",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0x803, 3, 4, 4, 51))));
        exact("idx.gz: more pixels than the header says", "train-images-idx3-ubyte.gz: more than the 64 bytes the"
                + " header (3 images of 4x4) accounts for after decompression (the file is corrupt or the header is"
                + " wrong)",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte.gz"),
                        gzip(idxImages(0x803, 3, 4, 4, 51)))));
        exact("idx.gz: garbage after the gzip stream", "{dir}/train-images-idx3-ubyte.gz: 5 bytes after the end of"
                + " the gzip stream (the file is corrupt, or several files were joined)",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte.gz"),
                        concat(gzip(goodImages()), new byte[] {1, 2, 3, 4, 5}))));
        exact("idx.gz: a second gzip stream joined on", "{dir}/train-images-idx3-ubyte.gz: " + gzipOf8Zeros().length
                + " bytes after the end of the gzip stream (the file is corrupt, or several files were joined)",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte.gz"),
                        concat(gzip(goodImages()), gzipOf8Zeros()))));
        exact("idx.gz: stream cut short", "{dir}/train-images-idx3-ubyte.gz: truncated gzip data (the file was cut"
                + " short; download it again)",
                d -> {
                    byte[] gz = gzip(goodImages());
                    return trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte.gz"),
                            Arrays.copyOf(gz, gz.length - 12)));
                });
        containing("idx.gz: wrong checksum", "{dir}/train-images-idx3-ubyte.gz: corrupt gzip data",
                d -> {
                    byte[] gz = gzip(goodImages());
                    gz[gz.length - 8] ^= 0x55; // the CRC-32 of the trailer
                    return trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte.gz"), gz));
                });
        exact("idx: rows over the side limit", "train-images-idx3-ubyte: the header says 1 images of 5000x1; image"
                + " sides over 4096 pixels are not read (is the header corrupt?)",
                d -> trainOn(d, "idx", write(d.resolve("train-images-idx3-ubyte"), idxImages(0x803, 1, 5000, 1,
                        5000))));
        containing("idx: label count mismatch", "images: 3 in train-images-idx3-ubyte but labels: 2 in {dir}/",
                d -> {
                    write(d.resolve("mnist/train-images-idx3-ubyte"), goodImages());
                    write(d.resolve("mnist/train-labels-idx1-ubyte"), idxLabels(0x801, 2, (byte) 1, (byte) 2));
                    return trainOn(d, "mnist", d.resolve("mnist"));
                });
        exact("idx: label outside 0..9", "train-labels-idx1-ubyte: label 12 at index 1 is outside 0..9 for a 10-class"
                + " dataset",
                d -> {
                    write(d.resolve("mnist/train-images-idx3-ubyte"), goodImages());
                    write(d.resolve("mnist/train-labels-idx1-ubyte"), idxLabels(0x801, 3, (byte) 1, (byte) 12,
                            (byte) 3));
                    return trainOn(d, "mnist", d.resolve("mnist"));
                });
        exact("idx: labels file with an image magic", "train-labels-idx1-ubyte: wrong magic number 0x00000803"
                + " (expected 0x00000801 for an IDX label file; this is an IDX image file, pass it as the images)",
                d -> {
                    write(d.resolve("mnist/train-images-idx3-ubyte"), goodImages());
                    write(d.resolve("mnist/train-labels-idx1-ubyte"), goodImages());
                    return trainOn(d, "mnist", d.resolve("mnist"));
                });
        exact("idx: labels file declaring 2^31-1 labels", "train-labels-idx1-ubyte: truncated: expected 2147483655"
                + " bytes (8-byte header + 2147483647 labels) but found 11",
                d -> {
                    write(d.resolve("mnist/train-images-idx3-ubyte"), goodImages());
                    write(d.resolve("mnist/train-labels-idx1-ubyte"), idxLabels(0x801, Integer.MAX_VALUE, (byte) 1,
                            (byte) 2, (byte) 3));
                    return trainOn(d, "mnist", d.resolve("mnist"));
                });
        containing("idx: images without labels beside them", "{dir}/mnist: found train-images-idx3-ubyte but no"
                + " train-labels-idx1-ubyte",
                d -> {
                    write(d.resolve("mnist/train-images-idx3-ubyte"), goodImages());
                    return trainOn(d, "mnist", d.resolve("mnist"));
                });
        containing("idx: no such file", "{dir}/missing-images-idx3-ubyte: no such file or directory",
                d -> trainOn(d, "idx", d.resolve("missing-images-idx3-ubyte")));

        // CIFAR-10
        exact("cifar: length not a multiple of a record", "data_batch_1.bin: truncated: 6151 bytes is not a multiple"
                + " of 3073-byte CIFAR-10 records",
                d -> trainOn(d, "cifar10", write(d.resolve("c/data_batch_1.bin"), new byte[3073 * 2 + 5])));
        exact("cifar: label 10", "data_batch_1.bin: label 10 in record 1 is outside 0..9 (not a CIFAR-10 binary"
                + " batch)",
                d -> {
                    byte[] b = new byte[3073 * 2];
                    b[3073] = 10;
                    return trainOn(d, "cifar10", write(d.resolve("c/data_batch_1.bin"), b));
                });
        exact("cifar: empty batch", "data_batch_1.bin: empty (no 3073-byte CIFAR-10 records)",
                d -> trainOn(d, "cifar10", write(d.resolve("c/data_batch_1.bin"), new byte[0])));
        containing("cifar: folder without batches", "{dir}/c: no data_batch_*.bin files",
                d -> {
                    write(d.resolve("c/readme.txt"), "nothing here");
                    return trainOn(d, "cifar10", d.resolve("c"));
                });
        containing("cifar: the archive itself", "{dir}/cifar-10-binary.tar.gz: an archive; extract it first",
                d -> trainOn(d, "cifar10", write(d.resolve("cifar-10-binary.tar.gz"), new byte[100])));

        // PNG/JPEG folders
        exact("png: 12000 x 12000 in 17 KB", "{dir}/img/big.png: 12000x12000 pixels; image sides over 4096 pixels"
                + " are not read (shrink it first: the networks see at most 64x64)",
                d -> {
                    write(d.resolve("img/a.png"), image("png", 8, 8));
                    write(d.resolve("img/big.png"), blackPng(12000, 12000));
                    return trainOn(d, "folder", d.resolve("img"));
                });
        exact("jpeg: header claiming 12000 x 12000", "{dir}/img/big.jpg: 12000x12000 pixels; image sides over 4096"
                + " pixels are not read (shrink it first: the networks see at most 64x64)",
                d -> {
                    write(d.resolve("img/big.jpg"), jpegClaiming12000());
                    return trainOn(d, "folder", d.resolve("img"));
                });
        containing("png: cut short", "{dir}/img/cut.png: not a readable image",
                d -> {
                    byte[] png = image("png", 8, 8);
                    write(d.resolve("img/cut.png"), Arrays.copyOf(png, png.length / 2));
                    return trainOn(d, "folder", d.resolve("img"));
                });
        containing("png: not an image", "{dir}/img/notes.png: not a readable image",
                d -> {
                    write(d.resolve("img/notes.png"), "these are my notes, not a picture");
                    return trainOn(d, "folder", d.resolve("img"));
                });
        containing("folder: empty", "{dir}/img has no PNG or JPEG images",
                d -> {
                    Files.createDirectories(d.resolve("img"));
                    return trainOn(d, "folder", d.resolve("img"));
                });
        containing("folder: loose images beside class folders", "{dir}/img mixes 1 loose images with 1 class"
                + " sub-folders",
                d -> {
                    write(d.resolve("img/a.png"), image("png", 8, 8));
                    write(d.resolve("img/cats/b.png"), image("png", 8, 8));
                    return trainOn(d, "folder", d.resolve("img"));
                });

        // presets
        containing("preset: not JSON", "bad.json: not valid JSON",
                d -> trainPreset(d, write(d.resolve("bad.json"), "{\"steps\": 10")));
        exact("preset: 30,000 nested objects", "deep.json: JSON nested deeper than 64 levels",
                d -> trainPreset(d, write(d.resolve("deep.json"), deepJson(30000))));
        containing("preset: unknown key", "typo.json: unknown config key 'objective.lamda'",
                d -> trainPreset(d, write(d.resolve("typo.json"), "{\"objective\": {\"lamda\": 1}}")));
        exact("preset: text for a number", "text.json: steps = abc is not allowed: expected an integer in"
                + " [1, 100000000]",
                d -> trainPreset(d, write(d.resolve("text.json"), "{\"steps\": \"abc\"}")));
        exact("preset: value out of range", "range.json: objective.clip = -1 is not allowed: expected a number in"
                + " [1.0E-6, 100]",
                d -> trainPreset(d, write(d.resolve("range.json"), "{\"objective\": {\"clip\": -1}}")));
        exact("preset: a list at the top", "list.json: expected a JSON object at the top level",
                d -> trainPreset(d, write(d.resolve("list.json"), "[1, 2, 3]")));
        exact("preset: null value", "null.json: seed must be a single value, not null",
                d -> trainPreset(d, write(d.resolve("null.json"), "{\"seed\": null}")));
        exact("preset: list value", "arr.json: seed must be a single value, not a list",
                d -> trainPreset(d, write(d.resolve("arr.json"), "{\"seed\": [1, 2]}")));
        containing("preset: empty file", "empty.json: expected a JSON object at the top level",
                d -> trainPreset(d, write(d.resolve("empty.json"), "")));
        containing("preset: deep list inside a key", "deeplist.json: JSON nested deeper than 64 levels",
                d -> trainPreset(d, write(d.resolve("deeplist.json"), "{\"seed\": " + "[".repeat(5000)
                        + "]".repeat(5000) + "}")));

        // run names (finding 7): a name never becomes '..' or a hidden folder
        exact("name: '..'", "name = .. is not allowed: it names a folder, so it must not be empty or start with '.'"
                + " (letters, digits, '.', '_' and '-'; other characters become '_')",
                d -> args(d, "train", "--preset", "ring8-gan", "--steps", "1", "--set", "name=..", "--out",
                        "{dir}/out"));
        containing("name: '../up' in a preset", "up.json: name = ../up is not allowed",
                d -> trainPreset(d, write(d.resolve("up.json"), "{\"name\": \"../up\", \"steps\": 1}")));
        containing("ablate: name '.hidden'", "name = .hidden is not allowed",
                d -> args(d, "ablate", "--preset", "fashion-classifier-baseline", "--set", "name=.hidden",
                        "--epochs", "1", "--set", "data.limit=64", "--tricks", "flip", "--out", "{dir}/out"));

        // run folders
        exact("eval: not a run folder", "{dir}/empty: not a run directory (no config.json)",
                d -> {
                    Files.createDirectories(d.resolve("empty"));
                    return args(d, "eval", "{dir}/empty");
                });
        containing("eval: config.json not JSON", "{dir}/run/config.json: not valid JSON",
                d -> {
                    write(run(d, null).resolve("config.json"), "{\"seed\": ");
                    return args(d, "eval", "{dir}/run");
                });
        exact("eval: config.json nested 30,000 deep", "{dir}/run/config.json: JSON nested deeper than 64 levels",
                d -> {
                    write(run(d, null).resolve("config.json"), deepJson(30000));
                    return args(d, "eval", "{dir}/run");
                });
        containing("eval: summary.json not JSON", "{dir}/run/summary.json: not valid JSON",
                d -> {
                    runWithCheckpoint(d);
                    write(d.resolve("run/summary.json"), "{\"status\": ");
                    return args(d, "eval", "{dir}/run");
                });
        exact("eval: summary.json nested 30,000 deep", "{dir}/run/summary.json: JSON nested deeper than 64 levels",
                d -> {
                    runWithCheckpoint(d);
                    write(d.resolve("run/summary.json"), deepJson(30000));
                    return args(d, "eval", "{dir}/run");
                });
        exact("eval: no checkpoint", "{dir}/run: has no checkpoint to evaluate",
                d -> {
                    run(d, "{}");
                    return args(d, "eval", "{dir}/run");
                });
        exact("resume: no checkpoint", "{dir}/run: has no checkpoint to resume from",
                d -> {
                    run(d, "{}");
                    return args(d, "train", "--resume", "{dir}/run");
                });
        exact("resume: config.json's run info not an object", "{dir}/run/config.json: \"run\" must be a JSON object",
                d -> {
                    Path run = runWithCheckpoint(d);
                    String json = RunConfig.defaults().toJson();
                    write(run.resolve("config.json"), json.substring(0, json.lastIndexOf('}')) + ", \"run\": 5}");
                    return args(d, "train", "--resume", "{dir}/run");
                });
        containing("twin: config.json not JSON", "{dir}/run/config.json: not valid JSON",
                d -> {
                    write(run(d, null).resolve("config.json"), "not json at all {");
                    return args(d, "train", "--twin-of", "{dir}/run", "--out", "{dir}/out");
                });
        exact("video: a saved frame claiming 12000 x 12000", "{dir}/run/samples/step-000000001.png: 12000x12000"
                + " pixels; frame sides over 8192 pixels are not read",
                d -> {
                    write(run(d, null).resolve("samples/step-000000001.png"), blackPng(12000, 12000));
                    return args(d, "video", "{dir}/run", "--out", "{dir}/out.mp4");
                });
        containing("video: config.json not JSON", "{dir}/run/config.json: not valid JSON",
                d -> {
                    Path run = run(d, null);
                    write(run.resolve("samples/step-000000001.png"), image("png", 8, 8));
                    write(run.resolve("config.json"), "[");
                    return args(d, "video", "{dir}/run", "--out", "{dir}/out.mp4");
                });

        // options, every command
        exact("eval --samples abc", "eval: Invalid value for option '--samples': 'abc' is not a whole number (`eval --help` lists its options)",
                d -> {
                    runWithCheckpoint(d);
                    return args(d, "eval", "{dir}/run", "--samples", "abc");
                });
        exact("eval --samples 0", "--samples 0: expected a whole number from 1 to 10000000",
                d -> {
                    runWithCheckpoint(d);
                    return args(d, "eval", "{dir}/run", "--samples", "0");
                });
        exact("eval --device tpu", "--device tpu: expected auto, cpu, gpu or gpu:N",
                d -> {
                    runWithCheckpoint(d);
                    return args(d, "eval", "{dir}/run", "--device", "tpu");
                });
        exact("eval without a run folder", "eval: Missing required parameter: 'RUN_DIR' (`eval --help` lists its options)", d -> args(d, "eval"));
        exact("train --steps abc", "train: Invalid value for option '--steps': 'abc' is not a whole number (`train --help` lists its options)",
                d -> args(d, "train", "--preset", "ring8-gan", "--steps", "abc", "--out", "{dir}/out"));
        exact("train --steps 0", "--steps 0: expected a whole number from 1 to 100000000",
                d -> args(d, "train", "--preset", "ring8-gan", "--steps", "0", "--out", "{dir}/out"));
        exact("train --seed abc", "train: Invalid value for option '--seed': 'abc' is not a whole number (`train --help` lists its options)",
                d -> args(d, "train", "--preset", "ring8-gan", "--steps", "1", "--seed", "abc", "--out",
                        "{dir}/out"));
        exact("train --epochs 2.5", "train: Invalid value for option '--epochs': '2.5' is not a whole number (`train --help` lists its options)",
                d -> args(d, "train", "--preset", "fashion-classifier-baseline", "--epochs", "2.5", "--out",
                        "{dir}/out"));
        exact("train --device gpu:x", "--device gpu:x: expected auto, cpu, gpu or gpu:N",
                d -> args(d, "train", "--preset", "ring8-gan", "--steps", "1", "--device", "gpu:x", "--out",
                        "{dir}/out"));
        containing("train: unknown flag", "train: Unknown options: '--stpes', '5'; did you mean --steps?",
                d -> args(d, "train", "--preset", "ring8-gan", "--stpes", "5", "--out", "{dir}/out"));
        exact("train --preset without a value", "train: Missing required parameter for option '--preset' (NAME|FILE) (`train --help` lists its options)", d -> args(d, "train", "--preset"));
        exact("train --set without '='", "--set optD.lr: expected key=value, e.g. --set optD.lr=1e-4",
                d -> args(d, "train", "--preset", "ring8-gan", "--set", "optD.lr", "--out", "{dir}/out"));
        containing("train --set unknown key", "unknown config key 'optD.rl'",
                d -> args(d, "train", "--preset", "ring8-gan", "--set", "optD.rl=1", "--out", "{dir}/out"));
        exact("train --fps abc", "train: Invalid value for option '--fps': 'abc' is not a whole number (`train --help` lists its options)",
                d -> args(d, "train", "--preset", "ring8-gan", "--record", "{dir}/v.mp4", "--fps", "abc", "--out",
                        "{dir}/out"));
        exact("train --video-every 0", "--video-every 0: expected a positive number of steps or sqrt",
                d -> args(d, "train", "--preset", "ring8-gan", "--record", "{dir}/v.mp4", "--video-every", "0",
                        "--out", "{dir}/out"));
        containing("train --video-size 10x10", "--video-size 10x10: expected WIDTHxHEIGHT between 64x64 and"
                + " 4096x4096",
                d -> args(d, "train", "--preset", "ring8-gan", "--record", "{dir}/v.mp4", "--video-size", "10x10",
                        "--out", "{dir}/out"));
        exact("train --resume --steps abc", "train: Invalid value for option '--steps': 'abc' is not a whole number (`train --help` lists its options)",
                d -> {
                    runWithCheckpoint(d);
                    return args(d, "train", "--resume", "{dir}/run", "--steps", "abc");
                });
        exact("video --fps 0", "--fps 0: expected a whole number from 1 to 60",
                d -> {
                    write(run(d, null).resolve("samples/step-000000001.png"), image("png", 8, 8));
                    return args(d, "video", "{dir}/run", "--fps", "0", "--out", "{dir}/out.mp4");
                });
        exact("ablate --seeds abc", "ablate: Invalid value for option '--seeds': 'abc' is not a whole number (`ablate --help` lists its options)",
                d -> args(d, "ablate", "--preset", "fashion-classifier-baseline", "--seeds", "abc", "--out",
                        "{dir}/out"));
        exact("ablate --budget -1", "--budget -1.0: expected a positive number of minutes",
                d -> args(d, "ablate", "--preset", "fashion-classifier-baseline", "--budget", "-1", "--out",
                        "{dir}/out"));
        containing("ablate --tricks nope", "'nope'",
                d -> args(d, "ablate", "--preset", "fashion-classifier-baseline", "--tricks", "nope", "--out",
                        "{dir}/out"));
        containing("ablate: a classifier trick on a GAN preset", "trick 'mixup' is a classifier trick; this preset "
                + "is a GAN preset",
                d -> args(d, "ablate", "--preset", "ring8-gan", "--tricks", "mixup", "--out", "{dir}/out"));
        exact("bench --iters abc", "bench: Invalid value for option '--iters': 'abc' is not a whole number (`bench --help` lists its options)", d -> args(d, "bench", "--iters", "abc"));
        exact("bench --threads -1", "--threads -1: expected a whole number >= 0",
                d -> args(d, "bench", "--threads", "-1"));
        exact("bench --device tpu", "--device tpu: expected cpu, gpu or gpu:N",
                d -> args(d, "bench", "--device", "tpu"));
        containing("presets: unknown flag", "presets: Unknown option: '--kyes' (`presets --help` lists its options)",
                d -> args(d, "presets", "--kyes"));
        exact("studio --steps abc", "studio: Invalid value for option '--steps': 'abc' is not a whole number (`studio --help` lists its options)",
                d -> args(d, "studio", "--steps", "abc"));
        exact("studio --steps 2.5", "studio: Invalid value for option '--steps': '2.5' is not a whole number (`studio --help` lists its options)",
                d -> args(d, "studio", "--steps", "2.5"));
        exact("studio --size 10", "studio: --size 10: expected WIDTHxHEIGHT, e.g. 1400x900",
                d -> args(d, "studio", "--size", "10"));
        containing("studio: unknown flag", "studio: Unknown options: '--dmeo', 'x' (`studio --help` lists its options)", d -> args(d, "studio", "--dmeo", "x"));
        exact("unknown command", "Unmatched argument at index 0: 'trian'; did you mean train? (`help` lists the commands)", d -> args(d, "trian"));

        // Checkpoints of a real (two-step) run, damaged as a power loss, a full disk or a hand edit leaves them.
        String cannot = "{dir}/run: no checkpoint can be read (";
        String tail = "); the run stays readable, but it cannot be resumed";
        exact("resume: state.bin empty", cannot + "{dir}/run/checkpoints/step-000000002/state.bin: empty (cut short by"
                + " a crash or a full disk?)" + tail,
                d -> {
                    write(trainedRun(d).resolve("checkpoints/step-000000002/state.bin"), "");
                    return args(d, "train", "--resume", "{dir}/run");
                });
        exact("resume: state.bin of a newer version", cannot + "{dir}/run/checkpoints/step-000000002/state.bin: format"
                + " version 99, this GAN Studio reads 1 to 2 (a newer version wrote it?)" + tail,
                d -> {
                    Path state = trainedRun(d).resolve("checkpoints/step-000000002/state.bin");
                    byte[] b = Files.readAllBytes(state);
                    ByteBuffer.wrap(b).putInt(4, 99);
                    Files.write(state, b);
                    return args(d, "train", "--resume", "{dir}/run");
                });
        exact("resume: generator.params with one byte changed", cannot + "{dir}/run/checkpoints/step-000000002/"
                + "generator.params: checksum does not match what the checkpoint wrote (damaged)" + tail,
                d -> {
                    Path params = trainedRun(d).resolve("checkpoints/step-000000002/generator.params");
                    byte[] b = Files.readAllBytes(params);
                    b[b.length - 3] ^= 0x10;
                    Files.write(params, b);
                    return args(d, "train", "--resume", "{dir}/run");
                });
        containing("resume: critic.params missing", cannot + "{dir}/run/checkpoints/step-000000002/critic.params: missing,"
                + " the checkpoint wrote ",
                d -> {
                    Files.delete(trainedRun(d).resolve("checkpoints/step-000000002/critic.params"));
                    return args(d, "train", "--resume", "{dir}/run");
                });
        exact("resume: old-format state.bin with a 2 GB length", cannot + "{dir}/run/checkpoints/step-000000002/"
                + "state.bin: a count of 2147483647 where 4 bytes remain (damaged)" + tail,
                d -> {
                    // Version 1 (no header): step, critic iterations, data position, seconds, then the optimizer.
                    ByteBuffer b = ByteBuffer.allocate(40).putLong(2).putLong(2).putLong(128).putDouble(0.1)
                            .putInt(Integer.MAX_VALUE).putInt(0);
                    Files.write(trainedRun(d).resolve("checkpoints/step-000000002/state.bin"), b.array());
                    return args(d, "train", "--resume", "{dir}/run");
                });
        exact("resume: negative step in an old-format state.bin", cannot + "{dir}/run/checkpoints/step-000000002/"
                + "state.bin: counters out of range (step -7, critic iterations 2, data position 128)" + tail,
                d -> {
                    ByteBuffer b = ByteBuffer.allocate(36).putLong(-7).putLong(2).putLong(128).putDouble(0.1)
                            .putInt(0);
                    Files.write(trainedRun(d).resolve("checkpoints/step-000000002/state.bin"), b.array());
                    return args(d, "train", "--resume", "{dir}/run");
                });
        containing("resume: fixed-noise.bin cut short", "{dir}/run/fixed-noise.bin: 10 bytes, this run's noise bank",
                d -> {
                    Path noise = trainedRun(d).resolve("fixed-noise.bin");
                    Files.write(noise, java.util.Arrays.copyOf(Files.readAllBytes(noise), 10));
                    return args(d, "train", "--resume", "{dir}/run");
                });
        containing("eval: state.bin cut short", "unreadable checkpoint: {dir}/run/checkpoints/step-000000002/state.bin",
                d -> {
                    Path state = trainedRun(d).resolve("checkpoints/step-000000002/state.bin");
                    byte[] b = Files.readAllBytes(state);
                    Files.write(state, java.util.Arrays.copyOf(b, b.length / 2));
                    return args(d, "eval", "{dir}/run");
                });
    }

    /** A real run of two steps (tiny networks), moved to dir/run: the checkpoint cases damage its files. */
    static Path trainedRun(Path dir) throws IOException {
        Path out = dir.resolve("train-tmp");
        int code = new Cli(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run(new String[] {"train", "--preset",
                    "ring8-gan", "--steps", "2", "--set", "model.gWidth=8", "--set", "model.dWidth=8", "--set",
                    "eval.samples=100", "--set", "threads=1", "--out", out.toString()});
        if (code != 0) {
            throw new IOException("the two-step run for a checkpoint case failed (exit " + code + ")");
        }
        Path run = dir.resolve("run");
        Files.move(RunDirectory.list(out).get(0), run);
        Files.delete(out);
        return run;
    }

    // ---------------------------------------------------------------- the test

    private static Map<String, Long> snapshot(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().equals(RunDirectory.LOCK)) {
                    continue; // the run's lock: a resume takes it (and gives it back) before it reads anything
                }
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p)
                        ^ Files.getLastModifiedTime(p).toMillis() << 20);
            }
        }
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedInputIsOneLineAndExitTwo(@TempDir Path root) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            Path dir = root.resolve("case-" + i);
            tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c, dir)));
        }
        return tests.stream();
    }

    private static void check(Case c, Path dir) throws IOException {
        Files.createDirectories(dir);
        String[] argv = c.setup().prepare(dir);
        Map<String, Long> before = snapshot(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ganstudio.AppCommands.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String both = stdout + stderr;
        String expected = "error: " + c.message().replace("{dir}", dir.toString());
        assertEquals(2, code, c.name() + ": exit code; stderr: " + stderr);
        assertFalse(both.contains("Exception") || both.contains("\tat ") || both.contains("Error:"),
                c.name() + ": a stack trace: " + both);
        assertTrue(stderr.endsWith("\n") && stderr.indexOf('\n') == stderr.length() - 1,
                c.name() + ": one line expected on stderr: " + stderr);
        String line = stderr.strip();
        if (c.exact()) {
            assertEquals(expected, line, c.name());
        } else {
            assertTrue(line.startsWith("error: ") && line.contains(expected.substring("error: ".length())),
                    c.name() + ": expected a line containing «" + expected + "» but got «" + line + "»");
        }
        assertFalse(Files.exists(dir.resolve("out")), c.name() + ": created the --out folder");
        assertEquals(before, snapshot(dir), c.name() + ": created or changed files");
    }

    @Test
    void theCorpusHasAtLeastFortyCases() {
        long distinct = CASES.stream().map(Case::name).distinct().count();
        assertEquals(CASES.size(), distinct, "case names must be distinct");
        assertTrue(CASES.size() >= 40, "only " + CASES.size() + " malformed inputs");
        System.out.println("malformed-input corpus: " + CASES.size() + " cases");
    }
}
