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
        if (k % stride == 0) {
            return byPhases(x, weight, bias, stride, padding, k, cin, cout, outH, outW);
        }
        NDArray out = byZeroInsertion(x, weight, stride, padding, k, cin, cout, outH, outW);
        return bias == null ? out : out.add(bias.reshape(1, cout, 1, 1));
    }

    /**
     * Output y = Y·s + f of the transposed convolution, shifted by the padding (y' = y + p = Y·s + f), is
     * Σ_t x[Y − t]·w[t·s + f]: phase f of the shifted output is the plain convolution of the input (padded by
     * T − 1 = k/s − 1 on the left) with the flipped kernel taps w[t·s + f]. So one convolution with the s² phase
     * kernels stacked as output channels, a pixel shuffle (reshape, permute, reshape) and one slice starting at
     * p give the result: four cheap ops around the convolution, and the bias rides in the convolution.
     */
    private static NDArray byPhases(NDArray x, NDArray weight, NDArray bias, int s, int p, int k, long cin,
            long cout, long outH, long outW) {
        int taps = k / s;
        long n = x.getShape().get(0);
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        // [Cin, Cout, k, k] -> [Cin, Cout, T, s, T, s] (kernel row = t*s + r), flip t, order as phase kernels
        // [s (row phase), s (column phase), Cout, Cin, T, T].
        NDArray kernels = weight.reshape(cin, cout, taps, s, taps, s)
                .flip(2, 4)
                .transpose(3, 5, 1, 0, 2, 4)
                .reshape((long) s * s * cout, cin, taps, taps);
        NDArray phaseBias = bias == null ? null : s == 1 ? bias : bias.tile(s * s);
        // Phase rows Y = 0 .. L-1 with L = H + R, R zero columns on the right; the shifted output needs
        // p + out rows of the L·s the phases give.
        long rightH = Math.max(0, ceilDiv(p + outH, s) - h);
        long rightW = Math.max(0, ceilDiv(p + outW, s) - w);
        NDArray conv;
        if (rightH <= taps - 1 && rightW <= taps - 1) {
            // Symmetric padding of T - 1 inside the convolution covers both sides.
            conv = Ops.conv2d(x, kernels, phaseBias, 1, taps - 1);
        } else {
            NDArray padded = x.pad(new Shape(taps - 1, rightW, taps - 1, rightH), 0);
            conv = Ops.conv2d(padded, kernels, phaseBias, 1, 0);
        }
        long l1 = conv.getShape().get(2);
        long l2 = conv.getShape().get(3);
        NDArray out = s == 1 ? conv
                : conv.reshape(n, s, s, cout, l1, l2).transpose(0, 3, 4, 1, 5, 2).reshape(n, cout, l1 * s, l2 * s);
        if (p == 0 && out.getShape().get(2) == outH && out.getShape().get(3) == outW) {
            return out;
        }
        // The slice is a strided view; reshaping it copies it into a dense array (DJL hands only those to the JVM
        // correctly, and the next layer reads it faster).
        return out.get(new NDIndex(":, :, {}:{}, {}:{}", p, p + outH, p, p + outW))
                .reshape(n, cout, outH * outW).reshape(n, cout, outH, outW);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
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
