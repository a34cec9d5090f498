package vn.motcua.kafka;

import java.util.List;

/**
 * A handler that can apply a whole poll's worth of events at once, which lets a store write them in a few round
 * trips instead of a few per event. Called on the loop's thread only.
 *
 * <p>The loop hands {@link #handleBatch} the readable events of every partition that is not waiting to retry a
 * record, in partition order, and commits their offsets only after it returns. If it throws, nothing of the poll is
 * committed and the loop goes through the same records one by one with {@link #handle} (retries, dead letters),
 * so one poisoned record is still isolated: {@code handleBatch} must therefore leave nothing that a repeat through
 * {@code handle} would count twice, the same idempotence that a redelivery after a crash asks of {@code handle}.
 */
public interface BatchEventHandler extends EventHandler {

    /** Applies every event, in the order given; events of one partition keep their order. */
    void handleBatch(List<ConsumedEvent> events);
}
