package ganstudio.train.optim;

/** What Adam, RAdam and AdaBound share: β1, β2, ε and two moment arrays (m, v) per parameter. */
public abstract class AdamFamilyOptimizer extends ParameterOptimizer {

    protected final float beta1;
    protected final float beta2;
    protected final float eps;

    protected AdamFamilyOptimizer(float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        super(learningRate, weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    protected final int stateCount() {
        return 2;
    }
}
