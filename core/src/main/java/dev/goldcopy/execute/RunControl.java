package dev.goldcopy.execute;

import java.util.List;

/** What the stages of a run may ask of the run itself: its phase, a stop, the end of a round. */
interface RunControl {
  /** Returns whether the run is in a round, issuing steps (not observing, cleaning up or done). */
  boolean running();

  /** Returns whether the run has been asked to stop. */
  boolean stopping();

  /**
   * Stops the run: no new call is issued, and once the calls in flight have answered, what the run
   * left half-made is cleaned up. The first stop wins.
   */
  void stop(Outcome outcome, String reason);

  /**
   * Stops the run because the store drifted from an approved plan: it ends {@link
   * Outcome#DRIFTED}, naming {@code drift}; nothing more is issued, and the calls in flight are
   * let finish (they are steps of the plan), not aborted.
   */
  void drifted(List<Drift> drift);

  /** Ends the round if nothing is in flight, ready or waiting for a timer; call after each change. */
  void settle();
}
