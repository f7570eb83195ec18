package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.ArrayCall;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.StepDone;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The array calls of a store workflow, one activity per call, run by any worker that has the
 * array in its {@link ArrayRegistry}. An {@link dev.goldcopy.spi.ArrayException} becomes an {@link
 * io.temporal.failure.ApplicationFailure} whose type is the exception's class name and which is
 * non-retryable when the exception is; Temporal retries the rest under the request's retry policy.
 */
@ActivityInterface
public interface StoreActivities {

  /**
   * Reads the array's capabilities and the store's inventory.
   *
   * @param call the store and array
   * @return what was observed
   */
  @ActivityMethod(name = "GoldcopyObserve")
  ObservationDto observe(ArrayCall call);

  /**
   * Starts or joins a physical copy and waits for it up to the call's hold, heartbeating; a copy
   * still in progress then is handed back as such, and the workflow polls again later (the array's
   * same-name rule joins the same copy).
   *
   * @param call the source, the name and the labels
   * @return the ready copy, or that it is still copying
   */
  @ActivityMethod(name = "GoldcopyCopy")
  StepDone copy(ArrayCall call);

  /**
   * Makes a virtual copy.
   *
   * @param call the master, the name and the labels
   * @return the copy
   */
  @ActivityMethod(name = "GoldcopyClone")
  StepDone clone(ArrayCall call);

  /**
   * Deletes a container (a missing one counts as deleted).
   *
   * @param call the container's id
   * @return that it is gone
   */
  @ActivityMethod(name = "GoldcopyDelete")
  StepDone delete(ArrayCall call);
}
