package ganstudio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ganstudio.train.SessionControl.Turn;

import org.junit.jupiter.api.Test;

/** The order in which the loop is handed single steps and checkpoints; no training involved. */
class SessionControlTest {

    @Test
    void pausedRequestsComeBackInTheOrderAskedThenTheCheckpoint() throws Exception {
        SessionControl c = new SessionControl();
        c.pause();
        c.requestCheckpoint();
        c.stepCritic();
        c.stepOnce();
        c.stepCritic();
        assertEquals(Turn.CRITIC_ITERATION, c.awaitTurn());
        assertEquals(Turn.ITERATION, c.awaitTurn());
        assertEquals(Turn.CRITIC_ITERATION, c.awaitTurn());
        assertEquals(Turn.CHECKPOINT, c.awaitTurn());
        c.stop();
        assertEquals(Turn.STOP, c.awaitTurn());
    }

    @Test
    void runningIgnoresSingleStepsAndLeavesTheCheckpointForAfterTheStep() throws Exception {
        SessionControl c = new SessionControl();
        c.stepCritic();
        c.stepOnce();
        c.requestCheckpoint();
        assertEquals(Turn.ITERATION, c.awaitTurn());
        assertEquals(true, c.takeCheckpointRequest());
        assertEquals(false, c.takeCheckpointRequest());
        // Nothing was queued while running: pausing now waits (checked via a stop, which ends the wait).
        c.pause();
        c.stop();
        assertEquals(Turn.STOP, c.awaitTurn());
    }

    @Test
    void resumingDropsSingleStepsNotYetTaken() throws Exception {
        SessionControl c = new SessionControl();
        c.pause();
        c.stepCritic();
        c.resume();
        c.pause();
        c.stepOnce();
        assertEquals(Turn.ITERATION, c.awaitTurn());
    }
}
