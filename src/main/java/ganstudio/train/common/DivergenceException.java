package ganstudio.train.common;

import ganstudio.config.UserError;

/** Training produced a NaN or infinite loss; the run stops and its last checkpoint stays. */
public class DivergenceException extends UserError {

    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
