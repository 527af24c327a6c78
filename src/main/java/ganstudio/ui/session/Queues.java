package ganstudio.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** Hand-over from the training thread: what a concurrent queue holds now, oldest first. */
final class Queues {

    private Queues() {}

    static <T> List<T> drain(Queue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            out.add(item);
        }
        return out;
    }
}
