package ganstudio.nn;

import ganstudio.config.RunConfig;

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
        double dataScale) {

    public static NetworkSpec from(RunConfig c, int channels, int imageSize) {
        boolean twoD = c.isTwoDimensional();
        int z = c.getInt("model.zDim") > 0 ? c.getInt("model.zDim") : twoD ? 2 : 100;
        int gw = c.getInt("model.gWidth") > 0 ? c.getInt("model.gWidth") : twoD ? 512 : 64;
        int dw = c.getInt("model.dWidth") > 0 ? c.getInt("model.dWidth") : twoD ? 512 : 64;
        return new NetworkSpec(twoD, twoD ? 0 : channels, twoD ? 0 : imageSize, z, gw, dw,
                c.getInt("model.depth"), c.getInt("model.extraBlocks"), c.getString("model.gNorm"),
                c.getString("model.dNorm"), c.getInt("model.groups"), c.getString("model.gActivation"),
                c.getString("model.dActivation"), c.getDouble("model.slope"), c.getDouble("model.dDropout"),
                c.getBool("model.residual"), c.getString("model.init"), twoD ? c.getDouble("data.scale") : 1.0);
    }
}
