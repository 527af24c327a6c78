package ganstudio.tricks;

/**
 * Reduce on plateau: the rate is multiplied by a factor when the validation loss has not improved on its best
 * for more than {@code patience} epochs in a row (PyTorch's ReduceLROnPlateau in "min" mode, threshold 0).
 */
public final class PlateauSchedule implements LrSchedule {

    private final double factor;
    private final int patience;
    private double rate;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    public PlateauSchedule(double lr0, double factor, int patience) {
        this.rate = lr0;
        this.factor = factor;
        this.patience = patience;
    }

    @Override
    public double rate(long x) {
        return rate;
    }

    @Override
    public void save(java.io.DataOutput out) throws java.io.IOException {
        out.writeDouble(rate);
        out.writeDouble(best);
        out.writeInt(badEpochs);
    }

    @Override
    public void load(java.io.DataInput in) throws java.io.IOException {
        rate = in.readDouble();
        best = in.readDouble();
        badEpochs = in.readInt();
    }

    @Override
    public void onValidation(double loss) {
        if (loss < best) {
            best = loss;
            badEpochs = 0;
        } else if (++badEpochs > patience) {
            rate *= factor;
            badEpochs = 0;
        }
    }
}
