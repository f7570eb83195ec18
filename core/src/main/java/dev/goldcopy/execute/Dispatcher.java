package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.StepNode.Kind;
import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Issues a round's steps within its limits. A step whose dependencies are done becomes ready once
 * its source is READY on the array (a copy another run started is awaited through {@link
 * CopyWaits}); ready steps wait in a queue per kind and are issued while the calls of that kind in
 * flight are below the round's limit. Ready physical copies go through a {@link CopyQueue}: no
 * source is read by more copies than it feeds at full rate, and the sources the fewest copies read
 * go first, so the masters multiply as a fan-out tree. A success is noted in the round's {@link
 * ArrayView} and the {@link RunLedger} and frees the steps that depend on it; a failure goes to
 * {@link StepFailures}.
 */
final class Dispatcher {
  private final ArrayCalls calls;
  private final RunLedger ledger;
  private final Listeners listeners;
  private final RunControl run;
  private final StepFailures failures;
  private final CopyWaits copies;
  private final Stewardship stewardship;
  /** The current round's ready copies by source; a new one each round. */
  private CopyQueue copyQueue = new CopyQueue(Integer.MAX_VALUE);

  Dispatcher(
      ArrayCalls calls,
      Retrier retrier,
      RunLedger ledger,
      Listeners listeners,
      ErrorPolicy errorPolicy,
      RunControl run,
      Stewardship stewardship) {
    this.stewardship = stewardship;
    this.calls = calls;
    this.ledger = ledger;
    this.listeners = listeners;
    this.run = run;
    this.failures = new StepFailures(calls, retrier, ledger, listeners, errorPolicy, run, this);
    this.copies = new CopyWaits(calls, retrier, run, this, failures);
  }

  /** Starts a round: readies the steps that depend on nothing and issues what the limits allow. */
  void start(Round r) {
    copyQueue = new CopyQueue(r.sourceFeeds);
    for (StepNode n : r.graph.nodes()) {
      if (n.status == Status.WAITING && n.pendingDeps == 0) {
        dependenciesDone(r, n);
      }
    }
    pump(r);
  }

  /** Returns whether steps may be issued: the round runs, no stop was asked, no re-plan either. */
  boolean issuing(Round r) {
    return run.running() && !run.stopping() && !r.replanRequested;
  }

  /** Issues ready steps while the round's limits allow. */
  void pump(Round r) {
    if (!issuing(r)) {
      return;
    }
    while (r.deletionsInFlight < r.virtualCap && !r.readyDeletes.isEmpty() && issuing(r)) {
      issue(r, r.readyDeletes.poll());
    }
    queueCopies(r);
    while (r.physicalInFlight < r.physicalCap && issuing(r)) {
      StepNode copy = copyQueue.poll();
      if (copy == null) {
        break;
      }
      issue(r, copy);
    }
    while (r.virtualInFlight < r.virtualCap && !r.readyClones.isEmpty() && issuing(r)) {
      issue(r, r.readyClones.poll());
    }
  }

  /** Moves the round's ready copies to the copy queue; a retry (issued before) goes first. */
  private void queueCopies(Round r) {
    StepNode n;
    while ((n = r.readyReplicas.poll()) != null) {
      ContainerId source = n.source;
      if (n.status == Status.READY && source != null) {
        copyQueue.add(n, source, n.attempts > 0);
      }
    }
  }

  /** Notes a copy another run started, awaited now, which reads {@code source}. */
  void awaitedCopyReads(ContainerId source) {
    copyQueue.started(source);
  }

  /** Notes that an awaited copy reading {@code source} answered. */
  void awaitedCopyAnswered(ContainerId source) {
    copyQueue.ended(source);
  }

  /** A step's dependencies are done: a deletion is ready, a copy once its source is. */
  private void dependenciesDone(Round r, StepNode n) {
    switch (n.kind) {
      case DELETE -> {
        n.status = Status.READY;
        r.ready(n);
      }
      case REPLICA -> resolveSource(r, n, ((CreateReplica) n.step).sourceName());
      case CLONE -> resolveSource(r, n, ((CreateClone) n.step).masterName());
    }
  }

  /** Readies {@code n} if its source is READY, awaits it if being copied, fails it otherwise. */
  void resolveSource(Round r, StepNode n, String sourceName) {
    Container source = r.view.named(sourceName);
    if (source == null) {
      failures.fail(r, n, "its source " + sourceName + " is not on the array", null, true, true);
      return;
    }
    switch (source.state()) {
      case READY -> {
        n.source = source.id();
        n.status = Status.READY;
        r.ready(n);
      }
      case COPYING -> copies.await(r, source, n);
      case FAILED ->
          failures.fail(r, n, "its source " + sourceName + " is a failed copy", null, true, true);
    }
  }

  private void issue(Round r, StepNode n) {
    if (n.status != Status.READY) {
      return;
    }
    if (n.step instanceof DeleteContainer d) {
      String refusal = r.view.refusal(d, stewardship);
      if (refusal != null) {
        failures.fail(r, n, refusal, null, false, false);
        return;
      }
    }
    n.attempts++;
    n.status = Status.RUNNING;
    listeners.stepStarted(n.step, n.attempts);
    ContainerId source = n.source;
    switch (n.kind) {
      case REPLICA -> {
        r.physicalInFlight++;
        ContainerId from = requireNonNull(source, "source");
        copyQueue.started(from);
        calls.createPhysicalCopy(from, n.key, stewardship.labels(n.step), (c, e) -> created(r, n, c, e));
      }
      case CLONE -> {
        r.virtualInFlight++;
        ContainerId from = requireNonNull(source, "source");
        calls.createVirtualCopy(from, n.key, stewardship.labels(n.step), (c, e) -> created(r, n, c, e));
      }
      case DELETE -> {
        r.deletionsInFlight++;
        ContainerId target = ((DeleteContainer) n.step).container();
        calls.delete(target, (v, e) -> deleted(r, n, e));
      }
    }
  }

  private void created(Round r, StepNode n, @Nullable Container made, @Nullable Throwable error) {
    if (n.kind == Kind.REPLICA) {
      r.physicalInFlight--;
      ContainerId from = n.source;
      if (from != null) {
        copyQueue.ended(from);
      }
    } else {
      r.virtualInFlight--;
    }
    if (made != null) {
      ledger.cleared(made.name());
      if (n.step instanceof CreateClone c) {
        ledger.cloneMade(c, made.id());
        ContainerId source = n.source;
        if (source != null) {
          r.view.cloneMade(source);
        }
      } else {
        r.view.copyMade(made);
        ledger.replicaMade();
      }
      succeeded(r, n, made);
    } else {
      ledger.suspect(n.key);
      failures.failed(r, n, error);
    }
    pump(r);
    run.settle();
  }

  private void deleted(Round r, StepNode n, @Nullable Throwable error) {
    r.deletionsInFlight--;
    if (error == null) {
      r.view.deleted(((DeleteContainer) n.step).container());
      ledger.deletionDone();
      succeeded(r, n, null);
    } else {
      failures.failed(r, n, error);
    }
    pump(r);
    run.settle();
  }

  /** Notes a success and readies the steps that waited only for it. */
  private void succeeded(Round r, StepNode n, @Nullable Container made) {
    n.status = Status.DONE;
    r.successes++;
    ledger.settled(n.key);
    listeners.stepFinished(n.step, made);
    List<StepNode> dependents = n.dependents();
    for (int i = 0; i < dependents.size(); i++) { // indexed: no iterator for each of a million
      StepNode d = dependents.get(i);
      if (d.status == Status.WAITING && --d.pendingDeps == 0 && run.running()) {
        dependenciesDone(r, d);
      }
    }
    n.releaseDependents();
    r.graph.finished(n);
  }
}
