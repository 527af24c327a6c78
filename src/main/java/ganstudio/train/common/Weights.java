package ganstudio.train.common;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.List;

/** A network's weights seen as one number, for the check that none is NaN or infinite before a checkpoint. */
public final class Weights {

    private Weights() {}

    /**
     * The sum of every weight: NaN or infinite when any weight is (one reduction per array and one read back, so
     * it is cheap enough to run before every checkpoint).
     */
    public static float sum(List<Pair<String, Parameter>> params) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList sums = new NDList(params.size());
            for (Pair<String, Parameter> p : params) {
                sums.add(p.getValue().getArray().sum());
            }
            return NDArrays.stack(sums).sum().getFloat();
        }
    }
}
