package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Transposed 2D convolution (ConvTranspose2d) from one ordinary convolution, because DJL's PyTorch engine
 * implements no deconvolution.
 *
 * <p>For stride s and kernel k with k % s == 0, output row y = q·s + r − p only sees input rows q − t with
 * kernel rows r + t·s (t < k/s). So each of the s² output phases is a plain (k/s)² convolution of the input;
 * stacking the s² phase kernels as output channels makes it one convolution, and interleaving the phases gives
 * the result with no multiplications by inserted zeros. Other kernel sizes fall back to zero insertion.
 */
public final class TransposedConv {

    private TransposedConv() {}

    /** Output side of a transposed convolution, as PyTorch defines it. */
    public static long outputSize(long in, int kernel, int stride, int padding, int outputPadding) {
        return (in - 1) * stride - 2L * padding + kernel + outputPadding;
    }

    /**
     * @param x input [N, Cin, H, W]
     * @param weight [Cin, Cout, k, k]
     * @param bias [Cout] or null
     * @param outPadH extra output rows (PyTorch's output_padding), in [0, stride)
     */
    public static NDArray apply(NDArray x, NDArray weight, NDArray bias, int stride, int padding,
            int outPadH, int outPadW) {
        Shape ws = weight.getShape();
        int k = (int) ws.get(2);
        long cin = ws.get(0);
        long cout = ws.get(1);
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        long outH = outputSize(h, k, stride, padding, outPadH);
        long outW = outputSize(w, k, stride, padding, outPadW);
        NDArray out = k % stride == 0
                ? byPhases(x, weight, stride, padding, k, cin, cout, outH, outW)
                : byZeroInsertion(x, weight, stride, padding, k, cin, cout, outH, outW);
        if (bias != null) {
            out = out.add(bias.reshape(1, cout, 1, 1));
        }
        return out;
    }

    private static NDArray byPhases(NDArray x, NDArray weight, int s, int p, int k, long cin, long cout,
            long outH, long outW) {
        int taps = k / s;
        long m = (Math.max(outH, outW) + s - 1) / s;
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        // Output phase f reads conv phase (f + p) % s at rows starting (f + p) / s; pad right enough for all.
        long maxOffset = (s - 1 + p) / s;
        long needH = maxOffset + m;
        long needW = maxOffset + m;
        long padRightH = Math.max(taps - 1, needH - (h + taps - 1) + (taps - 1));
        long padRightW = Math.max(taps - 1, needW - (w + taps - 1) + (taps - 1));
        // [Cin, Cout, k, k] -> [Cin, Cout, T, s, T, s] (kernel row = t*s + r), flip t, order as phase kernels.
        NDArray kernels = weight.reshape(cin, cout, taps, s, taps, s)
                .flip(2, 4)
                .transpose(3, 5, 1, 0, 2, 4)
                .reshape((long) s * s * cout, cin, taps, taps);
        NDArray padded = x.pad(new Shape(taps - 1, padRightW, taps - 1, padRightH), 0);
        NDArray conv = Ops.conv2d(padded, kernels, null, 1, 0);
        long n = x.getShape().get(0);
        long l1 = conv.getShape().get(2);
        long l2 = conv.getShape().get(3);
        NDArray phases = conv.reshape(n, s, s, cout, l1, l2);
        NDList rows = new NDList(s);
        for (int fy = 0; fy < s; fy++) {
            int ry = (fy + p) % s;
            long oy = (fy + p) / s;
            NDList cols = new NDList(s);
            for (int fx = 0; fx < s; fx++) {
                int rx = (fx + p) % s;
                long ox = (fx + p) / s;
                cols.add(phases.get(new NDIndex(":, {}, {}, :, {}:{}, {}:{}", ry, rx, oy, oy + m, ox, ox + m)));
            }
            rows.add(NDArrays.stack(cols, 4));
        }
        NDArray out = NDArrays.stack(rows, 3).reshape(n, cout, m * s, m * s);
        if (m * s != outH || m * s != outW) {
            out = out.get(new NDIndex(":, :, :{}, :{}", outH, outW));
        }
        return out;
    }

    private static NDArray byZeroInsertion(NDArray x, NDArray weight, int s, int p, int k, long cin, long cout,
            long outH, long outW) {
        long n = x.getShape().get(0);
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDArray dilated = x;
        if (s > 1) {
            NDArray zeros = x.zerosLike();
            NDList parts = new NDList(s);
            parts.add(x);
            for (int i = 1; i < s; i++) {
                parts.add(zeros);
            }
            // Interleave s-1 zeros after every input pixel in both axes, then drop the trailing zeros.
            NDArray wide = NDArrays.stack(parts, 4).reshape(n, cin, h, w * s);
            NDList rowParts = new NDList(s);
            rowParts.add(wide);
            for (int i = 1; i < s; i++) {
                rowParts.add(wide.zerosLike());
            }
            dilated = NDArrays.stack(rowParts, 3).reshape(n, cin, h * s, w * s)
                    .get(new NDIndex(":, :, :{}, :{}", (h - 1) * s + 1, (w - 1) * s + 1));
        }
        int edge = k - 1 - p;
        long extraH = outH - outputSize(h, k, s, p, 0);
        long extraW = outW - outputSize(w, k, s, p, 0);
        NDArray padded = dilated.pad(new Shape(edge, edge + extraW, edge, edge + extraH), 0);
        NDArray kernel = weight.flip(2, 3).transpose(1, 0, 2, 3);
        return Ops.conv2d(padded, kernel, null, 1, 0);
    }
}
