package ganstudio.train.classify;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What a classifier run sums up inside an epoch (the training loss and accuracy of its rows) and across epochs
 * (early stopping's best and patience count). It lives in the checkpoint so that a run stopped mid-epoch and
 * resumed logs the same rows as one that was never stopped.
 */
public final class EpochTally {

    private double lossSum;
    private long correct;
    private long seen;
    private double best = -1;
    private int sinceBest;

    void add(double loss, int hits, int count) {
        lossSum += loss * count;
        correct += hits;
        seen += count;
    }

    public double meanLoss() {
        return lossSum / seen;
    }

    public double accuracy() {
        return (double) correct / seen;
    }

    public long seen() {
        return seen;
    }

    /** Starts the next epoch's sums. */
    public void nextEpoch() {
        lossSum = 0;
        correct = 0;
        seen = 0;
    }

    /** The best validation top-1 so far, -1 before the first epoch. */
    public double best() {
        return best;
    }

    /**
     * Records an epoch's validation top-1.
     *
     * @return whether it is a new best
     */
    public boolean onValidation(double top1) {
        if (top1 > best) {
            best = top1;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    /** Epochs since the best one. */
    public int sinceBest() {
        return sinceBest;
    }

    void save(DataOutput out) throws IOException {
        out.writeDouble(lossSum);
        out.writeLong(correct);
        out.writeLong(seen);
        out.writeDouble(best);
        out.writeInt(sinceBest);
    }

    void load(DataInput in) throws IOException {
        lossSum = in.readDouble();
        correct = in.readLong();
        seen = in.readLong();
        best = in.readDouble();
        sinceBest = in.readInt();
        if (seen < 0 || correct < 0 || correct > seen || sinceBest < 0) {
            throw new IOException("the epoch tally is inconsistent (" + correct + " correct of " + seen + ")");
        }
    }
}
