package ganstudio.data;

import ganstudio.config.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads MNIST-style IDX files (MNIST, Fashion-MNIST, KMNIST...), raw or gzip-compressed. Compression is detected
 * from the gzip magic bytes because downloads are often renamed or decompressed without dropping ".gz".
 */
public final class IdxReader {

    /** Unsigned bytes, 3 dimensions (count, rows, columns). */
    public static final int IMAGE_MAGIC = 0x00000803;
    /** Unsigned bytes, 1 dimension (count). */
    public static final int LABEL_MAGIC = 0x00000801;

    public static final List<String> MNIST_CLASSES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * Where Debian's dataset-fashion-mnist package puts the four files, flat and gzip-compressed:
     * train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz.
     */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final int IMAGE_HEADER = 16;
    private static final int LABEL_HEADER = 8;
    /** Folder depth searched below data.path: torchvision keeps the files in e.g. FashionMNIST/raw/. */
    private static final int SEARCH_DEPTH = 2;
    private static final int CHUNK = 1 << 16;

    private IdxReader() {
    }

    /** The Debian Fashion-MNIST folder, when that package is installed. */
    public static Optional<Path> defaultFashionMnistDir() {
        return Files.isDirectory(FASHION_MNIST_DIR) ? Optional.of(FASHION_MNIST_DIR) : Optional.empty();
    }

    /** Fashion-MNIST from {@link #FASHION_MNIST_DIR}, with its class names. */
    public static ImageSet readFashionMnist(boolean train) {
        Path dir = defaultFashionMnistDir().orElseThrow(() -> new UserError(FASHION_MNIST_DIR
                + ": no such file or directory (install Fashion-MNIST with: apt-get install dataset-fashion-mnist,"
                + " or set data.path to a folder holding train-images-idx3-ubyte.gz)"));
        return readDirectory(dir, train, FASHION_MNIST_CLASSES);
    }

    /** An images file and an optional (nullable) labels file, without class names. */
    public static ImageSet read(Path images, Path labels) {
        return read(images, labels, List.of());
    }

    /**
     * An images file and an optional (nullable) labels file. With class names, labels must index them; without,
     * any label 0..255 is accepted.
     */
    public static ImageSet read(Path images, Path labels, List<String> classNames) {
        DataFiles.requireFile(images, "set data.path to an IDX images file or the folder holding it");
        ImageBlock block = readImages(images);
        int[] labelValues = null;
        if (labels != null) {
            DataFiles.requireFile(labels, "set data.path to the folder holding the matching labels file");
            labelValues = readLabels(labels);
            if (labelValues.length != block.count) {
                throw new UserError("images: " + block.count + " in " + images.getFileName() + " but labels: "
                        + labelValues.length + " in " + labels + " (use the labels file of the same split)");
            }
            if (!classNames.isEmpty()) {
                checkLabelRange(labels, labelValues, classNames.size());
            }
        }
        return new ImageSet(block.count, 1, block.rows, block.cols, block.pixels, labelValues,
                labelValues == null ? List.of() : classNames, images.toString());
    }

    /** The train or t10k split found in {@code dir} or a folder below it, without class names. */
    public static ImageSet readDirectory(Path dir, boolean train) {
        return readDirectory(dir, train, List.of());
    }

    /**
     * The train or t10k split found in {@code dir} or up to two folder levels below it. Accepts the usual names,
     * raw or .gz: train-images-idx3-ubyte, train-images.idx3-ubyte (Kaggle), and the labels file beside it.
     */
    public static ImageSet readDirectory(Path dir, boolean train, List<String> classNames) {
        String split = train ? "train" : "t10k";
        DataFiles.requireDirectory(dir, "set data.path to a folder holding " + split + "-images-idx3-ubyte.gz and "
                + split + "-labels-idx1-ubyte.gz");
        List<String> imageNames = candidateNames(split, "images", "idx3");
        List<String> labelNames = candidateNames(split, "labels", "idx1");
        for (Path folder : foldersBreadthFirst(dir)) {
            Map<String, Path> files = filesByLowerName(folder);
            Path images = firstPresent(files, imageNames);
            if (images == null) {
                continue;
            }
            Path labels = firstPresent(files, labelNames);
            if (labels == null) {
                throw new UserError(folder + ": found " + images.getFileName() + " but no " + split
                        + "-labels-idx1-ubyte[.gz] beside it (put the labels file in the same folder)");
            }
            return read(images, labels, classNames);
        }
        throw new UserError(dir + ": no " + split + "-images-idx3-ubyte or " + split
                + "-images-idx3-ubyte.gz in it or its sub-folders (set data.path to the folder holding them)");
    }

    /**
     * A folder (as {@link #readDirectory}) or a single images file; for a file the labels file is taken from beside
     * it when its name matches (images-idx3 to labels-idx1), otherwise the set is unlabeled.
     */
    public static ImageSet readPath(Path fileOrDir, boolean train, List<String> classNames) {
        DataFiles.requireExists(fileOrDir, "set data.path to an IDX images file or the folder holding it");
        if (Files.isDirectory(fileOrDir)) {
            return readDirectory(fileOrDir, train, classNames);
        }
        return read(fileOrDir, siblingLabels(fileOrDir), classNames);
    }

    private static ImageBlock readImages(Path path) {
        boolean gzip = DataFiles.isGzip(path);
        try (InputStream in = DataFiles.open(path)) {
            byte[] header = new byte[IMAGE_HEADER];
            int got = DataFiles.readUpTo(in, header, IMAGE_HEADER, path);
            if (got >= 4) {
                checkMagic(path, readInt(header, 0), IMAGE_MAGIC, "an IDX image file");
            }
            if (got < IMAGE_HEADER) {
                throw new UserError(path.getFileName() + ": truncated: " + got + " bytes is shorter than the "
                        + IMAGE_HEADER + "-byte IDX image header" + decompressedNote(path));
            }
            int count = positiveDim(path, readInt(header, 4), "image count");
            int rows = positiveDim(path, readInt(header, 8), "row count");
            int cols = positiveDim(path, readInt(header, 12), "column count");
            long size = (long) count * rows * cols;
            String shape = count + " images of " + rows + "x" + cols;
            // Every size is checked against what the file holds before anything of that size is allocated: a
            // 16-byte file may declare 1 x 46340 x 46340 (8.6 GB of floats).
            if (!gzip) {
                checkRawLength(path, IMAGE_HEADER, size, shape);
            }
            if (rows > DataFiles.MAX_SIDE || cols > DataFiles.MAX_SIDE) {
                throw new UserError(path.getFileName() + ": the header says " + shape + "; image sides over "
                        + DataFiles.MAX_SIDE + " pixels are not read (is the header corrupt?)");
            }
            if (size > DataFiles.MAX_ARRAY) {
                throw new UserError(path.getFileName() + ": header says " + shape
                        + ", too many pixels to load into memory (is the header corrupt?)");
            }
            float[] pixels;
            if (gzip) {
                // Only what really decompresses is kept, chunk by chunk, until the declared size is reached.
                DataFiles.Chunks bytes = DataFiles.readChunks(in, size, path);
                if (bytes.length() < size) {
                    throw new UserError(path.getFileName() + ": truncated: expected " + (IMAGE_HEADER + size)
                            + " bytes (" + IMAGE_HEADER + "-byte header + " + shape + ") but found "
                            + (IMAGE_HEADER + bytes.length()) + decompressedNote(path));
                }
                checkNothingMore(in, path, IMAGE_HEADER + size, shape);
                DataFiles.requireHeap(path, size * Float.BYTES, shape);
                pixels = new float[(int) size];
                bytes.forEach((chunk, len, at) -> {
                    for (int i = 0; i < len; i++) {
                        pixels[(int) at + i] = ImageSet.unit(chunk[i]);
                    }
                });
            } else {
                DataFiles.requireHeap(path, size * Float.BYTES, shape);
                pixels = new float[(int) size];
                long read = readScaled(in, pixels, path);
                if (read < size) { // the file shrank while being read
                    throw new UserError(path.getFileName() + ": truncated: expected " + (IMAGE_HEADER + size)
                            + " bytes (" + IMAGE_HEADER + "-byte header + " + shape + ") but found "
                            + (IMAGE_HEADER + read));
                }
            }
            return new ImageBlock(count, rows, cols, pixels);
        } catch (IOException e) {
            throw DataFiles.ioError(path, e);
        }
    }

    private static int[] readLabels(Path path) {
        boolean gzip = DataFiles.isGzip(path);
        try (InputStream in = DataFiles.open(path)) {
            byte[] header = new byte[LABEL_HEADER];
            int got = DataFiles.readUpTo(in, header, LABEL_HEADER, path);
            if (got >= 4) {
                checkMagic(path, readInt(header, 0), LABEL_MAGIC, "an IDX label file");
            }
            if (got < LABEL_HEADER) {
                throw new UserError(path.getFileName() + ": truncated: " + got + " bytes is shorter than the "
                        + LABEL_HEADER + "-byte IDX label header" + decompressedNote(path));
            }
            int count = positiveDim(path, readInt(header, 4), "label count");
            String what = count + " labels";
            if (!gzip) {
                checkRawLength(path, LABEL_HEADER, count, what);
            }
            if (count > DataFiles.MAX_ARRAY) {
                throw new UserError(path.getFileName() + ": header says " + count + " labels, too many to load"
                        + " (is the header corrupt?)");
            }
            DataFiles.Chunks raw = DataFiles.readChunks(in, count, path);
            if (raw.length() < count) {
                throw new UserError(path.getFileName() + ": truncated: expected " + ((long) LABEL_HEADER + count)
                        + " bytes (" + LABEL_HEADER + "-byte header + " + what + ") but found "
                        + (LABEL_HEADER + raw.length()) + decompressedNote(path));
            }
            if (gzip) {
                checkNothingMore(in, path, (long) LABEL_HEADER + count, what);
            }
            int[] labels = new int[count];
            raw.forEach((chunk, len, at) -> {
                for (int i = 0; i < len; i++) {
                    labels[(int) at + i] = chunk[i] & 0xFF;
                }
            });
            return labels;
        } catch (IOException e) {
            throw DataFiles.ioError(path, e);
        }
    }

    /** An uncompressed file's length must be the header plus exactly what it declares. */
    private static void checkRawLength(Path path, int header, long declared, String shape) {
        long have = DataFiles.size(path) - header;
        if (have < declared) {
            throw new UserError(path.getFileName() + ": truncated: expected " + (header + declared) + " bytes ("
                    + header + "-byte header + " + shape + ") but found " + (header + have));
        }
        if (have > declared) {
            throw new UserError(path.getFileName() + ": " + (header + have) + " bytes but the header (" + shape
                    + ") accounts for " + (header + declared) + " (the file is corrupt or the header is wrong)");
        }
    }

    /**
     * After the declared bytes of a gzip file, the decompressed data must end (and the gzip stream with it). What
     * follows is not decompressed to count it: one byte more is enough to know the header is wrong.
     */
    private static void checkNothingMore(InputStream in, Path path, long expected, String shape) {
        int next;
        try {
            next = in.read();
        } catch (IOException e) {
            throw DataFiles.ioError(path, e);
        }
        if (next >= 0) {
            throw new UserError(path.getFileName() + ": more than the " + expected + " bytes the header (" + shape
                    + ") accounts for after decompression (the file is corrupt or the header is wrong)");
        }
    }

    /** Reads up to pixels.length bytes, scaling each to [-1, 1]; returns how many were read. */
    private static long readScaled(InputStream in, float[] pixels, Path path) {
        byte[] chunk = new byte[CHUNK];
        int filled = 0;
        while (filled < pixels.length) {
            int want = Math.min(CHUNK, pixels.length - filled);
            int got = DataFiles.readUpTo(in, chunk, want, path);
            for (int i = 0; i < got; i++) {
                pixels[filled + i] = ImageSet.unit(chunk[i]);
            }
            filled += got;
            if (got < want) {
                break;
            }
        }
        return filled;
    }

    private static void checkMagic(Path path, int magic, int expected, String what) {
        if (magic == expected) {
            return;
        }
        String hint = "";
        if (magic == LABEL_MAGIC) {
            hint = "; this is an IDX label file, pass it as the labels";
        } else if (magic == IMAGE_MAGIC) {
            hint = "; this is an IDX image file, pass it as the images";
        }
        throw new UserError(String.format("%s: wrong magic number 0x%08X (expected 0x%08X for %s%s)",
                path.getFileName(), magic, expected, what, hint));
    }

    private static int positiveDim(Path path, int value, String what) {
        if (value <= 0) {
            throw new UserError(path.getFileName() + ": " + what + " in the header is " + value
                    + " (must be positive; the file is corrupt)");
        }
        return value;
    }

    private static void checkLabelRange(Path labels, int[] values, int classes) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= classes) {
                throw new UserError(labels.getFileName() + ": label " + values[i] + " at index " + i
                        + " is outside 0.." + (classes - 1) + " for a " + classes + "-class dataset");
            }
        }
    }

    private static String decompressedNote(Path path) {
        return DataFiles.isGzip(path) ? " after decompression" : "";
    }

    private static int readInt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }

    /** Preferred first: raw files decode faster than .gz when both are present. */
    private static List<String> candidateNames(String split, String kind, String idx) {
        String dash = split + "-" + kind + "-" + idx + "-ubyte";
        String dot = split + "-" + kind + "." + idx + "-ubyte";
        return List.of(dash, dot, dash + ".gz", dot + ".gz");
    }

    private static Path firstPresent(Map<String, Path> files, List<String> names) {
        for (String name : names) {
            Path p = files.get(name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Path siblingLabels(Path images) {
        Path parent = images.toAbsolutePath().getParent();
        String name = images.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        String labels = base.replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1");
        if (parent == null || labels.equals(base)) {
            return null;
        }
        Map<String, Path> files = filesByLowerName(parent);
        return firstPresent(files, List.of(labels, labels + ".gz"));
    }

    /** {@code dir}, then its sub-folders, then theirs, each level sorted, so the choice is deterministic. */
    private static List<Path> foldersBreadthFirst(Path dir) {
        List<Path> all = new ArrayList<>();
        List<Path> level = List.of(dir);
        for (int depth = 0; depth <= SEARCH_DEPTH && !level.isEmpty(); depth++) {
            all.addAll(level);
            List<Path> next = new ArrayList<>();
            for (Path folder : level) {
                next.addAll(subFolders(folder));
            }
            level = next;
        }
        return all;
    }

    private static List<Path> subFolders(Path folder) {
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            entries.forEach(result::add);
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // an unreadable sub-folder cannot hold the files we need; keep searching
        }
        result.sort(null);
        return result;
    }

    /** Regular files keyed by lower-case name, so TRAIN-IMAGES-IDX3-UBYTE from a FAT drive still matches. */
    private static Map<String, Path> filesByLowerName(Path folder) {
        Map<String, Path> files = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path p : entries) {
                files.putIfAbsent(p.getFileName().toString().toLowerCase(Locale.ROOT), p);
            }
        } catch (IOException e) {
            throw DataFiles.ioError(folder, e);
        }
        return files;
    }

    private record ImageBlock(int count, int rows, int cols, float[] pixels) {
    }
}
