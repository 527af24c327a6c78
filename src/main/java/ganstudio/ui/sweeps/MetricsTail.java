package ganstudio.ui.sweeps;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The newest row of a run's metrics.csv, read from the file's last few kilobytes: a sweep's view polls every running
 * task every two seconds, and a long run's log is megabytes. The first column is the progress (a GAN's step, a
 * classifier's epoch, fractional inside an epoch), wall_s the training time so far.
 */
final class MetricsTail {

    /** One row: progress in steps or epochs, and the seconds of training it took. */
    record Row(double progress, double wallSeconds) {}

    /** Enough for the header and the longest row either kind of run writes. */
    private static final int TAIL_BYTES = 8192;

    private MetricsTail() {}

    /** The last complete row, or empty when the file is missing, has only its header or cannot be read. */
    static Optional<Row> read(Path metricsCsv) {
        try (RandomAccessFile f = new RandomAccessFile(metricsCsv.toFile(), "r")) {
            long length = f.length();
            String header = readLine(f, 0, (int) Math.min(length, 2048));
            int wall = List.of(header.split(",")).indexOf("wall_s");
            long from = Math.max(0, length - TAIL_BYTES);
            byte[] buf = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(buf);
            return lastRow(new String(buf, StandardCharsets.UTF_8), wall);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String readLine(RandomAccessFile f, long at, int max) throws IOException {
        byte[] buf = new byte[max];
        f.seek(at);
        f.readFully(buf);
        String s = new String(buf, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The last line that ends in a newline, when it is a row: a line still being written has no newline yet, and
     * a log with no row yet ends with its header, whose first cell is a name.
     */
    static Optional<Row> lastRow(String tail, int wallColumn) {
        String[] lines = tail.split("\n", -1);
        if (lines.length < 2) {
            return Optional.empty();
        }
        String[] cells = lines[lines.length - 2].strip().split(",", -1);
        try {
            double progress = Double.parseDouble(cells[0]);
            double wall = wallColumn >= 0 && wallColumn < cells.length && !cells[wallColumn].isEmpty()
                    ? Double.parseDouble(cells[wallColumn]) : Double.NaN;
            return Optional.of(new Row(progress, wall));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
