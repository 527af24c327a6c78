package ganstudio.train.common;

/** Thrown when an evaluation was called off before it finished (the process is exiting). */
public final class EvaluationCancelled extends RuntimeException {

    public EvaluationCancelled() {
        super("evaluation cancelled");
    }
}
