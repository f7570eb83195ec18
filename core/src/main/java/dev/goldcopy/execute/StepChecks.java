package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Admission;
import dev.goldcopy.execute.ArrayCalls.Change;
import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Checks each step of an approved plan just before it is asked of the array, against what the run
 * observes of the store: the step's source is there and a ready master of its content, the name it
 * makes is free or already holds what the plan makes, the container it deletes is still the same
 * one and has no dependents, and the array has room for it. A step whose check fails is not
 * issued: the run ends {@link Outcome#DRIFTED}, naming the drift, and issues nothing more.
 *
 * <p><b>What observing costs.</b> Reading the whole store before every step would make a plan of
 * thousands of steps read the store thousands of times. So a step is checked against a {@link
 * StepView}: the last read (capabilities and inventory), kept up to date with the changes the run
 * asked for since and the answers it got. The store is read again where that view cannot know:
 * when it is older than {@code maxViewAge} (someone else may have changed the store meanwhile),
 * after a step's call failed (the run cannot tell what it left), and before a step the view would
 * refuse (so a step is refused on a fresh read only, never on the view's guesswork). One read
 * serves every step that waits for it. Between two reads the array's own guarantees guard the
 * moment of acting: a create whose source is gone, whose name is taken or that would pass a limit,
 * and a delete of a container with dependents, are refused without effect, and the run then reads
 * the store, which ends it {@link Outcome#DRIFTED} too.
 *
 * <p>Changes that are no step of the plan (deleting a failed copy before it is made again, the
 * clean-up after a stop) pass at once. Waiting for a copy another run started is not a change
 * this gate sees: it makes nothing new unless that copy is gone, and then exactly the plan's copy
 * under its name, which the array checks.
 */
final class StepChecks implements ArrayCalls.Gate {
  /** A step waiting for a read of the store before it is checked. */
  private record Waiting(PlanStep step, Change change, Admission admission) {}

  private final Map<String, PlanStep> creates = new HashMap<>();
  private final Map<ContainerId, PlanStep> deletes = new HashMap<>();
  private final Stewardship stewardship;
  private final RunLedger ledger;
  private final ArrayCalls calls;
  private final RunControl run;
  private final Clock clock;
  private final Duration maxViewAge;
  private final List<Waiting> waiting = new ArrayList<>();
  /** The containers this run made for the plan's steps, by name, with the step's id. */
  private final Map<String, String> made = new LinkedHashMap<>();
  private @Nullable StepView view;
  private boolean stale;
  private boolean reading;
  private boolean drifted;

  StepChecks(
      ReplicationPlan plan,
      Stewardship stewardship,
      RunLedger ledger,
      ArrayCalls calls,
      RunControl run,
      Clock clock,
      Duration maxViewAge) {
    for (PlanStep s : plan.steps()) {
      if (s instanceof CreateReplica r) {
        creates.put(r.name(), s);
      } else if (s instanceof CreateClone c) {
        creates.put(c.name(), s);
      } else {
        deletes.put(((DeleteContainer) s).container(), s);
      }
    }
    this.stewardship = stewardship;
    this.ledger = ledger;
    this.calls = calls;
    this.run = run;
    this.clock = clock;
    this.maxViewAge = maxViewAge;
  }

  /** A round begins from {@code observation}, read just now: the view starts from it. */
  void observed(Observation observation) {
    view = new StepView(observation, clock.instant());
    stale = false;
  }

  @Override
  public void admit(Change change, Admission admission) {
    PlanStep step = change.kind() == Change.Kind.DELETE
        ? deletes.get(change.subject())
        : creates.get(change.name());
    if (step == null) {
      admission.pass();
      return;
    }
    StepView v = view;
    if (v != null && waiting.isEmpty() && !reading && current(v)
        && v.check(step, change.subject(), stewardship::manages) == null) {
      v.passed(step, change.subject());
      admission.pass();
      return;
    }
    waiting.add(new Waiting(step, change, admission));
    read();
  }

  @Override
  public void answered(Change change, @Nullable Object value, @Nullable Throwable error) {
    String name = change.name();
    PlanStep step = name == null ? null : creates.get(name);
    if (error == null && step != null && name != null && value instanceof Container) {
      made.put(name, step.id());
    }
    StepView v = view;
    if (v == null) {
      return;
    }
    if (error != null) {
      stale = true;
    } else if (change.kind() == Change.Kind.DELETE) {
      v.deleted(change.subject());
    } else if (value instanceof Container c) {
      v.made(c);
    }
  }

  /**
   * Returns the containers this run made for the plan that {@code inventory} no longer lists:
   * someone deleted them behind the run's back. The plan is not carried out again around them.
   */
  List<Drift> lost(Inventory inventory) {
    if (made.isEmpty()) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    inventory.containers().forEach(c -> names.add(c.name()));
    List<Drift> drift = new ArrayList<>();
    made.forEach((name, stepId) -> {
      if (!names.contains(name)) {
        drift.add(new Drift(stepId, name, "the container this run made", "it is gone"));
      }
    });
    return drift;
  }

  private boolean current(StepView v) {
    return !stale && Duration.between(v.readAt, clock.instant()).compareTo(maxViewAge) < 0;
  }

  private void read() {
    if (reading) {
      return;
    }
    reading = true;
    Instant began = clock.instant();
    calls.observe((observation, error) -> {
      reading = false;
      if (observation == null) {
        Throwable why = error != null ? error
            : new IllegalStateException("the store could not be read to check the step");
        release(w -> w.admission().refuse(why));
        return;
      }
      StepView v = new StepView(observation, began);
      view = v;
      stale = false;
      decide(v);
    });
  }

  /** Checks every step that waited for the read: all pass, or none is issued. */
  private void decide(StepView v) {
    if (drifted || run.stopping()) {
      release(w -> w.admission().refuse(notIssued(w, "the run is stopping")));
      return;
    }
    List<Drift> drift = new ArrayList<>();
    for (Waiting w : waiting) {
      Drift d = v.check(w.step(), w.change().subject(), stewardship::manages);
      if (d != null) {
        drift.add(d);
      }
    }
    if (!drift.isEmpty()) {
      drifted = true;
      run.drifted(drift);
      release(w -> w.admission().refuse(notIssued(w, "the store drifted: " + drift.get(0))));
      return;
    }
    release(w -> {
      v.passed(w.step(), w.change().subject());
      w.admission().pass();
    });
  }

  private StepNotIssuedException notIssued(Waiting w, String why) {
    String name = w.change().name();
    return new StepNotIssuedException(why, name == null || ledger.isSuspect(name));
  }

  private void release(Consumer<Waiting> each) {
    List<Waiting> all = List.copyOf(waiting);
    waiting.clear();
    all.forEach(each);
  }

  /** A step an approved plan's run did not ask of the array, and why. */
  static final class StepNotIssuedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether an earlier call of the step may have left something half-made under its name. */
    final boolean triedBefore;

    StepNotIssuedException(String why, boolean triedBefore) {
      super("not issued: " + why);
      this.triedBefore = triedBefore;
    }
  }
}
