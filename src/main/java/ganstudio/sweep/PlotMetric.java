package ganstudio.sweep;

/** A quantity logged during training that the report draws as one band plot per sweep (per data set). */
public enum PlotMetric {
    WASSERSTEIN("wasserstein", "Wasserstein estimate"),
    CRITIC_LOSS("critic-loss", "critic loss"),
    MODES("modes", "modes captured (saved frames)");

    private final String fileKey;
    private final String label;

    PlotMetric(String fileKey, String label) {
        this.fileKey = fileKey;
        this.label = label;
    }

    /** The plot's file name part: plot-wasserstein.png. */
    public String fileKey() {
        return fileKey;
    }

    public String label() {
        return label;
    }
}
