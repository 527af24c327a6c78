package ganstudio.nn;

import ganstudio.config.RunConfig;
import ganstudio.config.ConfigSchema;

/**
 * What the network builders need from a run configuration, with the "0 = default" values resolved.
 *
 * @param channels image channels (0 for 2D data)
 * @param imageSize image side (0 for 2D data)
 */
public record NetworkSpec(
        boolean twoDimensional,
        int channels,
        int imageSize,
        int zDim,
        int gWidth,
        int dWidth,
        int depth,
        int extraBlocks,
        String gNorm,
        String dNorm,
        int groups,
        String gActivation,
        String dActivation,
        double slope,
        double dDropout,
        boolean residual,
        String init,
        double dataScale,
        Stabilizers stabilizers) {

    /**
     * The critic's and generator's structural stabilizers.
     *
     * @param pack samples the critic judges at once (PacGAN; 1 = one)
     * @param spectralCritic spectral normalization of the critic's weights
     * @param spectralGenerator spectral normalization of the generator's weights
     * @param minibatchStd the minibatch standard deviation feature before the critic's last layer
     */
    public record Stabilizers(int pack, boolean spectralCritic, boolean spectralGenerator, boolean minibatchStd) {
        public static final Stabilizers NONE = new Stabilizers(1, false, false, false);
    }

    /** A spec without stabilizers. */
    public NetworkSpec(boolean twoDimensional, int channels, int imageSize, int zDim, int gWidth, int dWidth,
            int depth, int extraBlocks, String gNorm, String dNorm, int groups, String gActivation,
            String dActivation, double slope, double dDropout, boolean residual, String init, double dataScale) {
        this(twoDimensional, channels, imageSize, zDim, gWidth, dWidth, depth, extraBlocks, gNorm, dNorm, groups,
                gActivation, dActivation, slope, dDropout, residual, init, dataScale, Stabilizers.NONE);
    }

    public static NetworkSpec from(RunConfig c, int channels, int imageSize) {
        boolean twoD = c.isTwoDimensional();
        int z = c.getInt(ConfigSchema.MODEL_Z_DIM) > 0 ? c.getInt(ConfigSchema.MODEL_Z_DIM) : twoD ? 2 : 100;
        int gw = c.getInt(ConfigSchema.MODEL_G_WIDTH) > 0 ? c.getInt(ConfigSchema.MODEL_G_WIDTH) : twoD ? 512 : 64;
        int dw = c.getInt(ConfigSchema.MODEL_D_WIDTH) > 0 ? c.getInt(ConfigSchema.MODEL_D_WIDTH) : twoD ? 512 : 64;
        return new NetworkSpec(twoD, twoD ? 0 : channels, twoD ? 0 : imageSize, z, gw, dw,
                c.getInt(ConfigSchema.MODEL_DEPTH), c.getInt(ConfigSchema.MODEL_EXTRA_BLOCKS),
                        c.getString(ConfigSchema.MODEL_G_NORM),
                c.getString(ConfigSchema.MODEL_D_NORM), c.getInt(ConfigSchema.MODEL_GROUPS),
                        c.getString(ConfigSchema.MODEL_G_ACTIVATION),
                c.getString(ConfigSchema.MODEL_D_ACTIVATION), c.getDouble(ConfigSchema.MODEL_SLOPE),
                        c.getDouble(ConfigSchema.MODEL_D_DROPOUT),
                c.getBool(ConfigSchema.MODEL_RESIDUAL), c.getString(ConfigSchema.MODEL_INIT),
                        twoD ? c.getDouble(ConfigSchema.DATA_SCALE) : 1.0,
                new Stabilizers(c.getInt(ConfigSchema.TRICKS_PACK),
                        !"none".equals(c.getString(ConfigSchema.TRICKS_SPECTRAL_NORM)),
                        "both".equals(c.getString(ConfigSchema.TRICKS_SPECTRAL_NORM)),
                        c.getBool(ConfigSchema.TRICKS_MINIBATCH_STD)));
    }
}
