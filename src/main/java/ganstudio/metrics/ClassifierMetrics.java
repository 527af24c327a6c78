package ganstudio.metrics;

import java.util.List;

/**
 * One logged row of a classifier run: plain numbers, so it can leave the training thread. Rows written during
 * an epoch carry the running training loss and accuracy with NaN validation values; the row at the end of an
 * epoch carries both.
 *
 * @param epoch epochs completed, fractional within an epoch (1.5 = half way through the second)
 * @param step batches trained, in total
 * @param trainLoss mean training loss since the epoch began (with every trick that changes the loss)
 * @param trainAccuracy fraction of training samples whose top class matched the target's top class
 * @param valTop5 fraction of validation samples with the label among the five highest logits
 * @param epochSeconds wall time of the epoch just completed (NaN inside an epoch)
 */
public record ClassifierMetrics(
        double epoch,
        long step,
        double trainLoss,
        double trainAccuracy,
        double valLoss,
        double valAccuracy,
        double valTop5,
        double lr,
        double epochSeconds,
        double samplesPerSecond,
        double wallSeconds) {

    public static final List<String> COLUMNS = List.of("epoch", "step", "train_loss", "train_acc", "val_loss",
            "val_acc", "val_top5", "lr", "epoch_s", "samples_per_s", "wall_s");

    public boolean hasValidation() {
        return !Double.isNaN(valAccuracy);
    }

    public double[] values() {
        return new double[] {epoch, step, trainLoss, trainAccuracy, valLoss, valAccuracy, valTop5, lr, epochSeconds,
            samplesPerSecond, wallSeconds};
    }

    public static ClassifierMetrics fromValues(double[] v) {
        return new ClassifierMetrics(v[0], (long) v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private static final boolean[] INTEGER = {false, true, false, false, false, false, false, false, false, false,
        false};

    public String toCsvRow() {
        return CsvRow.of(values(), INTEGER);
    }
}
