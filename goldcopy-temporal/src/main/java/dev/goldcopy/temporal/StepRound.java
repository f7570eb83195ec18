package dev.goldcopy.temporal;

import dev.goldcopy.temporal.StepNode.Status;
import dev.goldcopy.temporal.wire.ArrayCall;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.StepDone;
import dev.goldcopy.temporal.wire.StepDto;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Carries out one round's steps as activities: each step as soon as its dependencies are done and
 * its source is ready, within the caps, in the plan's order, copies under the per-source rule of
 * {@link SourceReads} (behind the version marker {@value #PER_SOURCE_COPIES}: a history written
 * before it replays with the copies in plain plan order). Runs on the workflow thread:
 * completions come back through promise callbacks into a queue that the loop drains, so every
 * decision is taken in the same order on every replay.
 */
final class StepRound {
  /** The change id of the per-source copy rule, for {@code Workflow.getVersion}. */
  static final String PER_SOURCE_COPIES = "per-source-copies";

  private record Completion(StepNode node, @Nullable StepDone done, @Nullable Throwable error,
      boolean poll) {}

  private final StoreCalls calls;
  private final RunLedger ledger;
  private final boolean apply;
  private final BooleanSupplier stopIssuing;
  private final ArrayDeque<Completion> completions = new ArrayDeque<>();
  private final StoreView view;
  private final Map<String, StepNode> awaits = new LinkedHashMap<>();
  private final List<StepNode> nodes = new ArrayList<>();
  private final ArrayDeque<StepNode> ready = new ArrayDeque<>();
  private final int feeds;
  private RoundSlots slots = RoundSlots.none();
  private boolean settling;
  int successes;
  boolean replan;
  @Nullable String pictureChange;
  final RoundCounts counts = new RoundCounts();

  StepRound(StoreCalls calls, RunLedger ledger, boolean apply, BooleanSupplier stopIssuing,
      ObservationDto observation) {
    this.view = new StoreView(observation);
    this.feeds = SourceReads.feeds(observation.capabilities());
    this.calls = calls;
    this.ledger = ledger;
    this.apply = apply;
    this.stopIssuing = stopIssuing;
  }

  List<StepNode> nodes() {
    return nodes;
  }

  /** Returns the calls and copy polls in flight. */
  int inFlight() {
    return slots.inFlight();
  }

  /** Runs the steps until none is left to issue and none is in flight. */
  void run(List<StepDto> steps, int physCap, int virtCap) {
    boolean perSource =
        Workflow.getVersion(PER_SOURCE_COPIES, Workflow.DEFAULT_VERSION, 1) >= 1;
    slots = new RoundSlots(physCap, virtCap, feeds, perSource);
    build(steps);
    for (StepNode n : nodes) {
      if (n.status == Status.WAITING && n.pendingDeps == 0) {
        dependenciesDone(n);
      }
    }
    pump();
    while (slots.inFlight() > 0) {
      Workflow.await(() -> !completions.isEmpty());
      drain();
      pump();
    }
  }

  /**
   * After a cancel: waits, without issuing anything, for the calls in flight to come back (the
   * copy polls' timers were cancelled with the run; the calls themselves never are, see {@link
   * StoreCalls}).
   */
  void settle() {
    settling = true;
    while (slots.inFlight() > 0) {
      Workflow.await(() -> !completions.isEmpty());
      while (!completions.isEmpty()) {
        Completion c = completions.poll();
        if (c.poll) {
          slots.pollDone();
        } else {
          complete(c);
        }
      }
    }
  }

  private void drain() {
    while (!completions.isEmpty()) {
      Completion c = completions.poll();
      if (c.poll) {
        slots.pollDone();
        ready.addFirst(c.node);
        c.node.status = Status.READY;
      } else {
        complete(c);
      }
    }
  }

  private void build(List<StepDto> steps) {
    Map<String, StepNode> byId = new HashMap<>();
    for (StepDto s : steps) {
      StepNode n = new StepNode(s, false);
      nodes.add(n);
      byId.put(s.id(), n);
      for (String dep : s.dependsOn()) {
        StepNode d = byId.get(dep);
        if (d != null && d.status != Status.DONE) {
          n.pendingDeps++;
          d.dependents.add(n);
        }
      }
      counts.planned(s.kind());
      String earlier = ledger.permanentFailures.get(StepNode.key(s));
      if (earlier != null) {
        n.status = Status.FAILED;
        n.failure = earlier;
      }
    }
    for (StepNode n : nodes) {
      if (n.status == Status.FAILED) {
        blockDependents(n);
      }
    }
  }

  private void dependenciesDone(StepNode n) {
    StepDto s = n.step;
    if (s.kind() == StepDto.Kind.DELETE) {
      ContainerDto target = view.get(s.name());
      if (target != null && target.master() && target.source() == null) {
        fail(n, "refused: " + s.name() + " is the origin of its group", false, false);
        return;
      }
      int count = view.dependents(s.containerId());
      if (count > 0) {
        fail(n, "refused: " + s.name() + " still has " + count + " dependent(s)", true, true);
        return;
      }
      n.status = Status.READY;
      ready.add(n);
      return;
    }
    String sourceName = s.sourceName();
    ContainerDto source = sourceName == null ? null : view.get(sourceName);
    if (source == null) {
      fail(n, "its source " + sourceName + " is not on the array", true, true);
    } else if (source.ready()) {
      n.sourceId = source.id();
      n.status = Status.READY;
      ready.add(n);
    } else if (source.state() == dev.goldcopy.spi.ContainerState.COPYING
        && source.master() && source.source() != null) {
      awaitCopy(source, n);
    } else {
      fail(n, "its source " + sourceName + " is " + source.state(), true, true);
    }
  }

  /** Joins a copy another run started: asking for it again waits for it (creation is idempotent). */
  private void awaitCopy(ContainerDto copying, StepNode waiter) {
    StepNode await = awaits.get(copying.name());
    if (await == null) {
      StepDto s = new StepDto(StepDto.Kind.REPLICA, "await:" + copying.name(), copying.name(),
          List.of(), "a copy started earlier", copying.name(), null, copying.group(),
          copying.imageId(), copying.version(), copying.sizeBytes(), 1, null, null);
      await = new StepNode(s, true);
      await.sourceId = copying.source();
      await.status = Status.READY;
      slots.awaiting(await);
      awaits.put(copying.name(), await);
      ready.add(await);
    }
    await.waiters.add(waiter);
  }

  private void pump() {
    slots.pump(ready, this::issue, this::stopped);
  }

  private boolean stopped() {
    return replan || pictureChange != null || stopIssuing.getAsBoolean();
  }

  private void issue(StepNode n) {
    n.status = Status.RUNNING;
    slots.issued(n);
    if (n.step.kind() != StepDto.Kind.DELETE) {
      ledger.suspects.add(n.step.name());
    }
    ArrayCall call = calls.call(n.step, n.sourceId);
    StoreActivities stub = calls.stub(n.step.kind());
    Promise<StepDone> p = StoreCalls.uncancellable(() -> switch (n.step.kind()) {
      case REPLICA -> Async.function(stub::copy, call);
      case CLONE -> Async.function(stub::clone, call);
      case DELETE -> Async.function(stub::delete, call);
    });
    p.handle((done, error) -> completions.add(new Completion(n, done, error, false)));
  }

  private void complete(Completion c) {
    StepNode n = c.node;
    StepDone done = c.done;
    slots.answered(n, done != null && done.copying());
    if (done == null) {
      Throwable error = c.error == null ? new IllegalStateException("no answer") : c.error;
      if (settling && FailureKind.abortedCopy(error)) {
        // The clean-up aborted this copy by deleting it: the run stopped it, nothing failed.
        n.status = Status.WAITING;
        n.failure = "cancelled";
        return;
      }
      failed(n, FailureKind.of(error));
      return;
    }
    ledger.retries += Math.max(0, done.attempt() - 1);
    if (done.copying() && settling) {
      n.status = Status.WAITING;
      return;
    }
    if (done.copying()) {
      ledger.copyPolls++;
      slots.pollSet();
      n.status = Status.RUNNING;
      Workflow.newTimer(calls.pollInterval())
          .handle((v, e) -> completions.add(new Completion(n, null, e, true)));
      return;
    }
    succeeded(n, done.container());
  }

  private void succeeded(StepNode n, @Nullable ContainerDto made) {
    n.status = Status.DONE;
    successes++;
    StepDto s = n.step;
    if (apply && !n.await) {
      ledger.doneSteps.add(s.id());
    }
    if (made != null) {
      ledger.suspects.remove(made.name());
      view.made(made);
    }
    switch (s.kind()) {
      case REPLICA -> {
        if (!n.await) {
          ledger.replicasMade++;
          counts.done(s.kind());
        }
        for (StepNode w : n.waiters) {
          if (w.status == Status.WAITING) {
            dependenciesDone(w);
          }
        }
      }
      case CLONE -> {
        ledger.clonesMade++;
        counts.done(s.kind());
        String vm = s.vm();
        if (vm != null) {
          ledger.madeVms.add(vm);
          ledger.vmFailures.remove(vm);
        }
        view.cloned(n.sourceId);
      }
      case DELETE -> {
        ledger.deletions++;
        counts.done(s.kind());
        view.deleted(s.name());
      }
    }
    for (StepNode d : n.dependents) {
      if (d.status == Status.WAITING && --d.pendingDeps == 0) {
        dependenciesDone(d);
      }
    }
  }

  private void failed(StepNode n, FailureKind kind) {
    if (kind.canceled()) {
      n.status = Status.WAITING;
      n.failure = "cancelled";
      return;
    }
    if (kind.limit()) {
      ledger.limitRefusals++;
    }
    fail(n, kind.why(), kind.repeatable(), kind.pictureChanged());
  }

  private void fail(StepNode n, String why, boolean repeatable, boolean pictureChanged) {
    n.status = Status.FAILED;
    n.failure = why;
    if (!n.await) {
      ledger.countFailure(StepNode.key(n.step), why, repeatable);
    }
    String vm = n.step.vm();
    if (vm != null) {
      ledger.vmFailures.put(vm, why);
    }
    if (pictureChanged) {
      if (apply) {
        pictureChange = n.describe() + ": " + why;
      } else {
        replan = true;
      }
    }
    for (StepNode w : n.waiters) {
      if (w.status == Status.WAITING) {
        fail(w, "its source " + n.step.name() + " did not complete: " + why, true, true);
      }
    }
    blockDependents(n);
  }

  private void blockDependents(StepNode failed) {
    StepNode.blockDependents(failed, ledger.vmFailures);
  }
}
