package ganstudio.nn;

/**
 * The shape of an image classifier.
 *
 * @param arch "baseline" (two conv + pool stages, a 128-unit hidden layer: the small CNN of the bench and of
 *     fashion-classifier-baseline) or "resnet" (a stem, three stages of basic blocks, global average pool)
 * @param width channels of the first stage; later stages double it
 * @param blocks basic blocks per stage (resnet)
 * @param norm none, batch, batchrenorm, group or layer
 * @param residual skip connections around the resnet blocks; off gives the same net without them
 */
public record ClassifierSpec(
        String arch,
        int channels,
        int imageSize,
        int classes,
        int width,
        int blocks,
        String norm,
        int groups,
        String activation,
        double slope,
        double dropout,
        boolean residual,
        String init) {

    /** The bench's and the baseline preset's network: no norm, ReLU, He init. */
    public static ClassifierSpec baseline(int channels, int imageSize, int classes) {
        return new ClassifierSpec("baseline", channels, imageSize, classes, 32, 0, "none", 8, "relu", 0.01, 0,
                false, "he");
    }
}
