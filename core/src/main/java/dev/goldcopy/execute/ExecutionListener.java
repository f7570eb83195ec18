package dev.goldcopy.execute;

/**
 * Receives a run's progress events. Called on the thread that runs the executor's work, one event
 * at a time; keep it quick. An exception it throws is logged and ignored: a listener never breaks
 * a run.
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
