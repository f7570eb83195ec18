package dev.goldcopy.execute;

import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.spi.Inventory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the run's end is made of: how and why it stopped, what it planned last, what it found. */
final class RunEnd {
  @Nullable Outcome outcome;
  @Nullable String reason;
  /** Whether running again can carry on from where this run stopped. */
  boolean rerunHelps = true;
  StepGraph graph = StepGraph.EMPTY;
  List<Shortfall> shortfalls = List.of();
  List<Drift> drift = List.of();
  @Nullable Inventory first;

  void stopIfRunning(Outcome o, String why, boolean helps) {
    if (outcome == null) {
      outcome = o;
      reason = why;
      rerunHelps = helps;
    }
  }

  void observed(Inventory inventory) {
    if (first == null) {
      first = inventory;
    }
  }

  void planned(RoundSource.Planned planned) {
    graph = planned.graph();
    shortfalls = planned.shortfalls();
    String refusal = planned.refusal();
    if (refusal != null) {
      stopIfRunning(Outcome.FAILED, refusal, false);
    } else if (!planned.drift().isEmpty()) {
      drift = planned.drift();
      stopIfRunning(Outcome.DRIFTED, driftReason(planned.drift()), false);
    }
  }

  /** Returns the reason of a run that stopped because the store drifted, naming the first drift. */
  static String driftReason(List<Drift> drift) {
    return "the store drifted from the approved plan (" + drift.size()
        + " difference(s)); plan again and approve: " + drift.get(0);
  }
}
