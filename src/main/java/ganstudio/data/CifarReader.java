package ganstudio.data;

import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CIFAR-10 binary version (cifar-10-binary.tar.gz): records of 1 label byte and 3072 pixel bytes, the
 * red, green and blue 32x32 planes one after the other, which is already the NCHW layout of {@link ImageSet}.
 */
public final class CifarReader {

    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    private static final int PIXELS = CHANNELS * SIDE * SIDE;
    public static final int RECORD = 1 + PIXELS;
    /** CIFAR-100 binaries carry a coarse and a fine label byte. */
    private static final int CIFAR100_RECORD = 2 + PIXELS;

    /** The folder cifar-10-binary.tar.gz extracts to; looked into when data.path is its parent. */
    public static final String BATCH_FOLDER = "cifar-10-batches-bin";
    private static final String TEST_FILE = "test_batch.bin";
    private static final Pattern TRAIN_FILE = Pattern.compile("data_batch_(\\d+)\\.bin", Pattern.CASE_INSENSITIVE);
    private static final String HINT = "set data.path to the " + BATCH_FOLDER
            + " folder extracted from cifar-10-binary.tar.gz";

    private CifarReader() {
    }

    /**
     * A batch file, or a folder holding all data_batch_N.bin in numeric order (train) or test_batch.bin (test),
     * directly or in a {@value #BATCH_FOLDER} sub-folder.
     */
    public static ImageSet read(Path pathOrDir, boolean train) {
        DataFiles.requireExists(pathOrDir, HINT);
        List<Path> files;
        String source;
        if (Files.isDirectory(pathOrDir)) {
            Path folder = pathOrDir;
            files = batchFiles(folder, train);
            if (files.isEmpty() && Files.isDirectory(pathOrDir.resolve(BATCH_FOLDER))) {
                folder = pathOrDir.resolve(BATCH_FOLDER);
                files = batchFiles(folder, train);
            }
            if (files.isEmpty()) {
                throw noBatches(pathOrDir, train);
            }
            source = folder + " (" + files.get(0).getFileName()
                    + (files.size() > 1 ? ".." + files.get(files.size() - 1).getFileName() : "") + ")";
        } else {
            String name = pathOrDir.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar")) {
                throw new UserError(pathOrDir + ": an archive; extract it first (tar xf " + pathOrDir.getFileName()
                        + ") and set data.path to the " + BATCH_FOLDER + " folder inside");
            }
            files = List.of(pathOrDir);
            source = pathOrDir.toString();
        }
        return readFiles(files, source);
    }

    private static ImageSet readFiles(List<Path> files, String source) {
        long records = 0;
        for (Path file : files) {
            records += recordCount(file);
        }
        if (records * PIXELS > Integer.MAX_VALUE - 8) {
            throw new UserError(source + ": " + records + " CIFAR-10 records are too many to load into memory");
        }
        int count = (int) records;
        DataFiles.requireHeap(files.get(0), (long) count * PIXELS * Float.BYTES, count + " CIFAR-10 images");
        float[] pixels = new float[count * PIXELS];
        int[] labels = new int[count];
        int record = 0;
        for (Path file : files) {
            byte[] bytes = readAll(file);
            int inFile = bytes.length / RECORD;
            for (int r = 0; r < inFile; r++) {
                int base = r * RECORD;
                int label = bytes[base] & 0xFF;
                if (label >= CLASSES.size()) {
                    throw new UserError(file.getFileName() + ": label " + label + " in record " + r
                            + " is outside 0..9 (not a CIFAR-10 binary batch)");
                }
                labels[record] = label;
                int out = record * PIXELS;
                for (int i = 0; i < PIXELS; i++) {
                    pixels[out + i] = ImageSet.unit(bytes[base + 1 + i]);
                }
                record++;
            }
        }
        return new ImageSet(count, CHANNELS, SIDE, SIDE, pixels, labels, CLASSES, source);
    }

    /** Validates the size before anything is read, so a bad fifth batch fails before four good ones load. */
    private static long recordCount(Path file) {
        DataFiles.requireFile(file, HINT);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw DataFiles.ioError(file, e);
        }
        if (size == 0) {
            throw new UserError(file.getFileName() + ": empty (no " + RECORD + "-byte CIFAR-10 records)");
        }
        if (size % RECORD != 0) {
            String hint = size % CIFAR100_RECORD == 0 ? " (it looks like CIFAR-100, which has "
                    + CIFAR100_RECORD + "-byte records; only CIFAR-10 is supported)" : "";
            throw new UserError(file.getFileName() + ": truncated: " + size + " bytes is not a multiple of "
                    + RECORD + "-byte CIFAR-10 records" + hint);
        }
        return size / RECORD;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw DataFiles.ioError(file, e);
        }
    }

    private static List<Path> batchFiles(Path folder, boolean train) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (train ? TRAIN_FILE.matcher(name).matches() : name.equalsIgnoreCase(TEST_FILE)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw DataFiles.ioError(folder, e);
        }
        // Numeric, so data_batch_10.bin follows data_batch_9.bin in hand-made splits.
        found.sort(Comparator.comparingLong(CifarReader::batchNumber).thenComparing(Path::toString));
        return found;
    }

    private static long batchNumber(Path p) {
        Matcher m = TRAIN_FILE.matcher(p.getFileName().toString());
        if (!m.matches()) {
            return 0;
        }
        String digits = m.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static UserError noBatches(Path dir, boolean train) {
        String wanted = train ? "data_batch_*.bin" : TEST_FILE;
        if (Files.isDirectory(dir.resolve("cifar-10-batches-py")) || Files.exists(dir.resolve("data_batch_1"))) {
            return new UserError(dir + ": no " + wanted + " files; this is the Python (pickle) version of"
                    + " CIFAR-10, download the binary version cifar-10-binary.tar.gz instead");
        }
        return new UserError(dir + ": no " + wanted + " files in it or in " + BATCH_FOLDER + "/ (" + HINT + ")");
    }
}
