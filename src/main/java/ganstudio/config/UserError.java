package ganstudio.config;

/**
 * A problem the user can fix (a bad file, a bad value, a missing GPU). Its message is shown as is: one line
 * that names the thing and the fix, and the CLI exits with code 2 instead of printing a stack trace.
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
