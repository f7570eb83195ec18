package dev.goldcopy.execute;

/**
 * Receives a run's progress events. Called on the thread that runs the executor's work, one event
 * at a time; keep it quick. An exception it throws is logged and ignored: a listener's exception
 * never breaks a run. An error it throws ({@link AssertionError} from a test's check, for one) does:
 * the run's result fails with that error, so a failed check inside a listener fails the test rather
 * than passing unseen.
 */
@FunctionalInterface
public interface ExecutionListener {

  /**
   * Handles one event.
   *
   * @param event what happened
   */
  void onEvent(ExecutionEvent event);
}
