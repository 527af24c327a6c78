package ganstudio.train;

/**
 * What every session reports, GAN or classifier. Called on the training thread: implementations hand the value
 * over and return at once.
 */
public interface SessionListener {

    /** A live edit, a checkpoint, a resume: something worth a marker on the charts. */
    default void onEvent(long step, String text) {}

    /**
     * @param status finished, stopped or failed
     * @param reason why it stopped (empty when finished)
     */
    default void onFinished(String status, String reason) {}
}
