package dev.goldcopy.execute;

import dev.goldcopy.spi.Labels;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.goldcopy.execute.StepNode.Kind;
import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One run of the reconcile loop. Every state change runs as a task of a serial mailbox, so the
 * engine is single-threaded whatever threads the adapter, the executor and the scheduler use, and
 * re-entrant calls (a stage that completes at once) queue instead of recursing. {@link
 * #progress()} reads volatile counters and may be called from anywhere.
 */
// Counters are volatile for progress() readers and written only by the mailbox: one writer.
@SuppressWarnings("NonAtomicVolatileUpdate")
final class ExecutionRun implements ExecutionHandle {
  private static final System.Logger LOG = System.getLogger(ReplicationExecutor.class.getName());

  /** How many rounds a step whose failure may pass (a conflict, a limit, spent retries) gets. */
  static final int REPEATABLE_FAILURE_LIMIT = 3;

  /** How many rounds in a row may end with nothing done before the run gives up. */
  static final int NO_PROGRESS_ROUND_LIMIT = 5;

  private enum Phase {
    NEW,
    OBSERVING,
    RUNNING,
    CLEANING,
    DONE
  }

  /** A completion handler of an array call. */
  @FunctionalInterface
  private interface Callback<T> {
    void done(@Nullable T value, @Nullable Throwable error);
  }

  private record Observation(ArrayCapabilities capabilities, Inventory inventory) {}

  // Configuration.
  private final ArrayAdapter adapter;
  private final Function<PlanningInput, ReplicationPlan> planner;
  private final Executor executor;
  private final Scheduler scheduler;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final ErrorPolicy errorPolicy;
  private final List<ExecutionListener> listeners;
  private final boolean hasListeners;
  private final int callerPhysicalCap;
  private final int callerVirtualCap;
  private final @Nullable Duration deadline;
  private final StoreRef store;
  private final Demand demand;
  private final SplittableRandom random;
  private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();

  // The mailbox.
  private final ArrayDeque<Runnable> mailbox = new ArrayDeque<>();
  private boolean draining;
  private volatile boolean abandoned;

  // Progress, written by the mailbox only, read from anywhere.
  private volatile int replicasDone;
  private volatile int clonesDone;
  private volatile int deletionsDone;
  private volatile int replicasLeft;
  private volatile int clonesLeft;
  private volatile int deletionsLeft;
  private volatile int retries;
  private volatile int inFlight;
  private volatile int rounds;

  // Engine state, touched by the mailbox only.
  private Phase phase = Phase.NEW;
  private int epoch;
  private @Nullable Instant startedAt;
  private @Nullable Instant deadlineAt;
  private @Nullable Outcome stopOutcome;
  private @Nullable String stopReason;
  private boolean replanRequested;
  private int faults;
  private int cleanupDeletions;
  private int observeAttempts;
  private int physicalInFlight;
  private int virtualInFlight;
  private int deletionsInFlight;
  private int pendingTimers;
  private int physicalCap = Integer.MAX_VALUE;
  private int virtualCap = Integer.MAX_VALUE;
  private int roundSuccesses;
  private int noProgressRounds;
  private int cleanupPending;

  private Map<String, Container> byName = new HashMap<>();
  private Map<ContainerId, Container> byId = new HashMap<>();
  private Map<ContainerId, int[]> dependents = new HashMap<>();
  private @Nullable Inventory lastInventory;
  private @Nullable ReplicationPlan lastPlan;
  private List<StepNode> nodes = List.of();
  private final ArrayDeque<StepNode> readyDeletes = new ArrayDeque<>();
  private final ArrayDeque<StepNode> readyReplicas = new ArrayDeque<>();
  private final ArrayDeque<StepNode> readyClones = new ArrayDeque<>();
  private final Map<String, List<StepNode>> awaiting = new HashMap<>();
  private final Map<String, Integer> failureCounts = new HashMap<>();
  private final Map<String, String> permanentFailures = new HashMap<>();
  private final Set<String> suspects = new HashSet<>();
  /** The clones this run made, in order; turned into a map once, when the run finishes. */
  private final List<CreateClone> madeClones = new ArrayList<>();
  private final List<ContainerId> madeCloneIds = new ArrayList<>();
  private Map<VmId, VmOutcome> provisioned = Map.of();
  private final Map<VmId, String> vmFailures = new HashMap<>();

  ExecutionRun(ReplicationExecutor config, StoreRef store, Demand demand) {
    this.adapter = config.adapter();
    this.planner = config.planner();
    this.executor = config.executor();
    this.scheduler = config.scheduler();
    this.clock = config.clock();
    this.retryPolicy = config.retryPolicy();
    this.errorPolicy = config.errorPolicy();
    this.listeners = config.listeners();
    this.hasListeners = !listeners.isEmpty();
    this.callerPhysicalCap = config.maxConcurrentPhysicalCopies();
    this.callerVirtualCap = config.maxConcurrentVirtualCopies();
    this.deadline = config.deadline();
    this.store = store;
    this.demand = demand;
    this.random = new SplittableRandom(retryPolicy.seed());
  }

  // ---------------------------------------------------------------- public handle

  @Override
  public ProgressSnapshot progress() {
    int rd = replicasDone;
    int cd = clonesDone;
    int dd = deletionsDone;
    return new ProgressSnapshot(
        new StepProgress(rd, rd + Math.max(0, replicasLeft)),
        new StepProgress(cd, cd + Math.max(0, clonesLeft)),
        new StepProgress(dd, dd + Math.max(0, deletionsLeft)),
        retries,
        Math.max(0, inFlight),
        rounds);
  }

  @Override
  public void cancel() {
    post(() -> stop(Outcome.CANCELLED, "the run was cancelled"));
  }

  @Override
  public CompletableFuture<ExecutionResult> result() {
    return result;
  }

  /**
   * Abandons the run as if its process had died: from now on it ignores every callback and timer,
   * issues nothing and never completes. For tests of crash and resume.
   */
  void abandon() {
    abandoned = true;
  }

  void begin() {
    post(
        () -> {
          startedAt = clock.instant();
          Duration d = deadline;
          if (d != null) {
            deadlineAt = startedAt.plus(d);
            scheduler.schedule(
                d, () -> post(() -> stop(Outcome.DEADLINE_EXCEEDED, "the deadline of " + d + " passed")));
          }
          observe();
        });
  }

  // ---------------------------------------------------------------- mailbox

  private void post(Runnable task) {
    synchronized (mailbox) {
      if (abandoned) {
        return;
      }
      mailbox.add(task);
      if (draining) {
        return;
      }
      draining = true;
    }
    while (true) {
      Runnable next;
      synchronized (mailbox) {
        next = mailbox.poll();
        if (next == null || abandoned) {
          mailbox.clear();
          draining = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "replication run on " + store + " broke", e);
        if (!result.isDone()) {
          phase = Phase.DONE;
          result.completeExceptionally(e);
        }
      }
    }
  }

  private void dispatch(Runnable task) {
    try {
      executor.execute(() -> post(task));
    } catch (RejectedExecutionException e) {
      post(task);
    }
  }

  private <T> void call(Supplier<CompletionStage<T>> operation, Callback<T> then) {
    CompletionStage<T> stage;
    try {
      stage = operation.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((value, error) -> dispatch(() -> then.done(value, unwrap(error))));
  }

  private static @Nullable Throwable unwrap(@Nullable Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private void after(Duration delay, Runnable task) {
    int at = epoch;
    pendingTimers++;
    scheduler.schedule(
        delay,
        () ->
            post(
                () -> {
                  if (at != epoch) {
                    return;
                  }
                  pendingTimers--;
                  task.run();
                }));
  }

  // ---------------------------------------------------------------- observe and plan

  private void observe() {
    phase = Phase.OBSERVING;
    epoch++;
    pendingTimers = 0;
    observeAttempts = 0;
    issueObserve();
  }

  private void issueObserve() {
    observeAttempts++;
    inFlight++;
    call(
        () ->
            adapter
                .capabilities(store)
                .thenCompose(
                    caps -> adapter.inventory(store).thenApply(inv -> new Observation(caps, inv))),
        this::onObserved);
  }

  private void onObserved(@Nullable Observation observation, @Nullable Throwable error) {
    inFlight--;
    if (phase != Phase.OBSERVING) {
      return;
    }
    if (observation == null) {
      faults++;
      if (stopOutcome == null && isRetryable(error) && observeAttempts < retryPolicy.maxAttempts()) {
        retries++;
        after(backoff(observeAttempts, error), this::issueObserve);
        return;
      }
      if (stopOutcome == null) {
        stopOutcome = Outcome.FAILED;
        stopReason = "could not observe " + store + ": " + describe(error);
      }
      finish();
      return;
    }
    lastInventory = observation.inventory();
    if (stopOutcome != null) {
      cleanUp(observation.inventory());
      return;
    }
    startRound(observation);
  }

  private void startRound(Observation observation) {
    rounds++;
    epoch++;
    pendingTimers = 0;
    replanRequested = false;
    roundSuccesses = 0;
    readyDeletes.clear();
    readyReplicas.clear();
    readyClones.clear();
    awaiting.clear();
    Instant limit = deadlineAt;
    if (limit != null && !clock.instant().isBefore(limit)) {
      stopOutcome = Outcome.DEADLINE_EXCEEDED;
      stopReason = "the deadline of " + deadline + " passed";
      cleanUp(observation.inventory());
      return;
    }
    ArrayCapabilities caps = observation.capabilities();
    physicalCap = Math.min(callerPhysicalCap, declared(caps.maxConcurrentPhysicalCopies()));
    virtualCap = Math.min(callerVirtualCap, declared(caps.maxConcurrentVirtualCopies()));

    ReplicationPlan plan;
    try {
      plan = planner.apply(new PlanningInput(store, caps, observation.inventory(), demand));
    } catch (RuntimeException e) {
      stopOutcome = Outcome.FAILED;
      stopReason = "planning failed: " + describe(e);
      finish();
      return;
    }
    lastPlan = plan;
    buildNodes(plan);
    if (plan.steps().isEmpty()) {
      finish();
      return;
    }
    index(observation.inventory());
    int issuable = 0;
    for (StepNode n : nodes) {
      if (n.status != Status.FAILED) {
        String earlier = permanentFailures.get(n.key);
        if (earlier != null) {
          n.status = Status.FAILED;
          n.failure = earlier;
          blockDependents(n, earlier);
        }
      }
    }
    for (StepNode n : nodes) {
      if (n.status != Status.FAILED) {
        issuable++;
      }
    }
    if (issuable == 0) {
      finish();
      return;
    }
    phase = Phase.RUNNING;
    for (StepNode n : nodes) {
      if (n.status == Status.WAITING && n.pendingDeps == 0) {
        dependenciesDone(n);
      }
    }
    pump();
    maybeEndRound();
  }

  private static int declared(int maximum) {
    return ArrayCapabilities.isLimited(maximum) ? maximum : Integer.MAX_VALUE;
  }

  private void index(Inventory inventory) {
    List<Container> containers = inventory.containers();
    Map<String, Container> names = new HashMap<>(containers.size() * 2);
    Map<ContainerId, Container> ids = new HashMap<>(containers.size() * 2);
    Map<ContainerId, int[]> deps = new HashMap<>();
    for (Container c : containers) {
      names.put(c.name(), c);
      ids.put(c.id(), c);
      ContainerId source = c.source();
      if (source != null && (!c.isMaster() || c.state() == ContainerState.COPYING)) {
        deps.computeIfAbsent(source, k -> new int[1])[0]++;
      }
    }
    byName = names;
    byId = ids;
    dependents = deps;
  }

  private void buildNodes(ReplicationPlan plan) {
    List<PlanStep> steps = plan.steps();
    List<StepNode> list = new ArrayList<>(steps.size());
    // Clones are leaves in every plan the planner makes; they are indexed by id only if a step
    // turns out to depend on one, which keeps the index small for plans of a million clones.
    Map<String, StepNode> byStepId = new HashMap<>();
    Map<String, StepNode> clonesById = null;
    int replicas = 0;
    int clones = 0;
    int deletions = 0;
    for (PlanStep s : steps) {
      StepNode n = new StepNode(s);
      list.add(n);
      if (n.kind != Kind.CLONE) {
        byStepId.put(s.id(), n);
      }
      for (String dep : s.dependsOn()) {
        StepNode d = byStepId.get(dep);
        if (d == null) {
          if (clonesById == null) {
            clonesById = new HashMap<>();
            for (StepNode earlier : list) {
              if (earlier.kind == Kind.CLONE) {
                clonesById.put(earlier.step.id(), earlier);
              }
            }
          }
          d = clonesById.get(dep);
        }
        if (d != null) {
          n.pendingDeps++;
          d.addDependent(n);
        }
      }
      switch (n.kind) {
        case REPLICA -> replicas++;
        case CLONE -> {
          clones++;
          if (clonesById != null) {
            clonesById.put(s.id(), n);
          }
        }
        case DELETE -> deletions++;
      }
    }
    nodes = list;
    replicasLeft = replicas;
    clonesLeft = clones;
    deletionsLeft = deletions;
  }

  // ---------------------------------------------------------------- issuing

  private void dependenciesDone(StepNode n) {
    switch (n.kind) {
      case DELETE -> {
        n.status = Status.READY;
        readyDeletes.add(n);
      }
      case REPLICA -> resolveSource(n, ((CreateReplica) n.step).sourceName());
      case CLONE -> resolveSource(n, ((CreateClone) n.step).masterName());
    }
  }

  private void resolveSource(StepNode n, String sourceName) {
    Container source = byName.get(sourceName);
    if (source == null) {
      failNode(n, "its source " + sourceName + " is not on the array", null, true, true);
      return;
    }
    switch (source.state()) {
      case READY -> {
        n.source = source.id();
        n.status = Status.READY;
        (n.kind == Kind.REPLICA ? readyReplicas : readyClones).add(n);
      }
      case COPYING -> awaitCopy(source, n);
      case FAILED -> failNode(n, "its source " + sourceName + " is a failed copy", null, true, true);
    }
  }

  /** Waits for a copy another run started by asking for it again (creation is idempotent). */
  private void awaitCopy(Container copying, StepNode n) {
    ContainerId from = copying.source();
    if (!copying.isMaster() || from == null) {
      failNode(n, "its source " + copying.name() + " is not complete", null, true, true);
      return;
    }
    List<StepNode> waiters = awaiting.get(copying.name());
    if (waiters != null) {
      waiters.add(n);
      return;
    }
    waiters = new ArrayList<>();
    waiters.add(n);
    awaiting.put(copying.name(), waiters);
    issueAwait(copying, from, 1);
  }

  private void issueAwait(Container copying, ContainerId from, int attempt) {
    inFlight++;
    physicalInFlight++;
    call(
        () -> adapter.createPhysicalCopy(store, from, copying.name(), Labels.empty()),
        (done, error) -> onAwaited(copying, from, attempt, done, error));
  }

  private void onAwaited(
      Container copying,
      ContainerId from,
      int attempt,
      @Nullable Container done,
      @Nullable Throwable error) {
    inFlight--;
    physicalInFlight--;
    if (phase != Phase.RUNNING) {
      maybeEndRound();
      return;
    }
    if (done != null) {
      byName.put(done.name(), done);
      byId.put(done.id(), done);
      roundSuccesses++;
      List<StepNode> waiters = awaiting.remove(copying.name());
      if (waiters != null) {
        for (StepNode w : waiters) {
          if (w.status == Status.WAITING) {
            resolveSource(w, done.name());
          }
        }
      }
    } else {
      faults++;
      if (isRetryable(error) && attempt < retryPolicy.maxAttempts() && stopOutcome == null) {
        retries++;
        after(
            backoff(attempt, error),
            () -> {
              if (phase == Phase.RUNNING && stopOutcome == null && !replanRequested) {
                issueAwait(copying, from, attempt + 1);
              } else {
                maybeEndRound();
              }
            });
      } else {
        awaiting.remove(copying.name());
        replanRequested = true;
      }
    }
    pump();
    maybeEndRound();
  }

  private void pump() {
    if (phase != Phase.RUNNING || stopOutcome != null || replanRequested) {
      return;
    }
    while (deletionsInFlight < virtualCap && !readyDeletes.isEmpty() && issuing()) {
      issue(readyDeletes.poll());
    }
    while (physicalInFlight < physicalCap && !readyReplicas.isEmpty() && issuing()) {
      issue(readyReplicas.poll());
    }
    while (virtualInFlight < virtualCap && !readyClones.isEmpty() && issuing()) {
      issue(readyClones.poll());
    }
  }

  private boolean issuing() {
    return phase == Phase.RUNNING && stopOutcome == null && !replanRequested;
  }

  private void issue(StepNode n) {
    if (n.status != Status.READY) {
      return;
    }
    if (n.step instanceof DeleteContainer d && !deletionAllowed(n, d)) {
      return;
    }
    n.attempts++;
    n.status = Status.RUNNING;
    inFlight++;
    if (hasListeners) {
      emit(new ExecutionEvent.StepStarted(clock.instant(), n.step, n.attempts));
    }
    ContainerId source = n.source;
    switch (n.kind) {
      case REPLICA -> {
        physicalInFlight++;
        String name = n.key;
        ContainerId from = requireNonNull(source, "source");
        call(() -> adapter.createPhysicalCopy(store, from, name, Labels.empty()), (c, e) -> onCreated(n, c, e));
      }
      case CLONE -> {
        virtualInFlight++;
        String name = n.key;
        ContainerId from = requireNonNull(source, "source");
        call(() -> adapter.createVirtualCopy(store, from, name, Labels.empty()), (c, e) -> onCreated(n, c, e));
      }
      case DELETE -> {
        deletionsInFlight++;
        ContainerId target = ((DeleteContainer) n.step).container();
        call(() -> adapter.delete(store, target), (v, e) -> onDeleted(n, e));
      }
    }
  }

  /** The last guard before a deletion: never the origin, never a container with dependents. */
  private boolean deletionAllowed(StepNode n, DeleteContainer d) {
    Container target = byId.get(d.container());
    if (target != null && target.isOrigin()) {
      failNode(n, "refused: " + d.name() + " is the origin of its group", null, false, false);
      return false;
    }
    int[] count = dependents.get(d.container());
    if (count != null && count[0] > 0) {
      failNode(
          n, "refused: " + d.name() + " still has " + count[0] + " dependent(s)", null, false, false);
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- completions

  private void onCreated(StepNode n, @Nullable Container made, @Nullable Throwable error) {
    inFlight--;
    if (n.kind == Kind.REPLICA) {
      physicalInFlight--;
    } else {
      virtualInFlight--;
    }
    if (made != null) {
      if (n.kind == Kind.REPLICA) {
        byName.put(made.name(), made);
        byId.put(made.id(), made);
      }
      if (!suspects.isEmpty()) {
        suspects.remove(made.name());
      }
      if (n.step instanceof CreateClone c) {
        madeClones.add(c);
        madeCloneIds.add(made.id());
        ContainerId source = n.source;
        if (source != null) {
          dependents.computeIfAbsent(source, k -> new int[1])[0]++;
        }
        clonesDone++;
        clonesLeft--;
      } else {
        replicasDone++;
        replicasLeft--;
      }
      succeeded(n, made);
    } else {
      String name = n.key;
      suspects.add(name);
      failed(n, error);
    }
    pump();
    maybeEndRound();
  }

  private void onDeleted(StepNode n, @Nullable Throwable error) {
    inFlight--;
    deletionsInFlight--;
    if (error == null) {
      ContainerId gone = ((DeleteContainer) n.step).container();
      Container was = byId.remove(gone);
      if (was != null) {
        byName.remove(was.name(), was);
        ContainerId source = was.source();
        int[] count = source == null ? null : dependents.get(source);
        if (count != null && count[0] > 0 && !was.isMaster()) {
          count[0]--;
        }
      }
      deletionsDone++;
      deletionsLeft--;
      succeeded(n, null);
    } else {
      failed(n, error);
    }
    pump();
    maybeEndRound();
  }

  private void succeeded(StepNode n, @Nullable Container made) {
    n.status = Status.DONE;
    roundSuccesses++;
    if (hasListeners) {
      emit(new ExecutionEvent.StepFinished(clock.instant(), n.step, made));
    }
    for (StepNode d : n.dependents()) {
      if (d.status == Status.WAITING && --d.pendingDeps == 0 && phase == Phase.RUNNING) {
        dependenciesDone(d);
      }
    }
  }

  private void failed(StepNode n, @Nullable Throwable error) {
    faults++;
    if (stopOutcome != null || replanRequested || phase != Phase.RUNNING) {
      n.status = Status.WAITING;
      n.failure = describe(error);
      return;
    }
    if (isRetryable(error) && n.attempts < retryPolicy.maxAttempts()) {
      Duration wait = backoff(n.attempts, error);
      n.status = Status.RETRY_WAIT;
      retries++;
      if (hasListeners && error != null) {
        emit(new ExecutionEvent.StepRetried(clock.instant(), n.step, n.attempts + 1, wait, error));
      }
      after(wait, () -> retryNow(n));
      return;
    }
    if (error instanceof CopyFailedException copyFailed && n.attempts < retryPolicy.maxAttempts()) {
      remakeCopy(n, copyFailed);
      return;
    }
    boolean pictureChanged =
        error instanceof ConflictException
            || error instanceof ContainerNotFoundException
            || error instanceof LimitReachedException;
    boolean repeatable =
        pictureChanged || isRetryable(error) || error instanceof CopyFailedException;
    failNode(n, describe(error), error, repeatable, pictureChanged);
  }

  private void retryNow(StepNode n) {
    if (n.status != Status.RETRY_WAIT) {
      return;
    }
    if (phase != Phase.RUNNING || stopOutcome != null || replanRequested) {
      n.status = Status.WAITING;
      maybeEndRound();
      return;
    }
    n.status = Status.READY;
    switch (n.kind) {
      case DELETE -> readyDeletes.addFirst(n);
      case REPLICA -> readyReplicas.addFirst(n);
      case CLONE -> readyClones.addFirst(n);
    }
    pump();
    maybeEndRound();
  }

  /** A physical copy failed: delete the failed container, then make the copy again. */
  private void remakeCopy(StepNode n, CopyFailedException copyFailed) {
    n.status = Status.RETRY_WAIT;
    retries++;
    if (hasListeners) {
      emit(
          new ExecutionEvent.StepRetried(
              clock.instant(), n.step, n.attempts + 1, Duration.ZERO, copyFailed));
    }
    inFlight++;
    ContainerId failedCopy = copyFailed.container();
    call(
        () -> adapter.delete(store, failedCopy),
        (v, error) -> {
          inFlight--;
          if (error == null) {
            cleanupDeletions++;
            retryNow(n);
          } else {
            faults++;
            if (phase == Phase.RUNNING && stopOutcome == null && !replanRequested) {
              failNode(
                  n,
                  "could not delete the failed copy " + n.key + ": " + describe(error),
                  error,
                  true,
                  true);
            } else {
              n.status = Status.WAITING;
            }
            pump();
            maybeEndRound();
          }
        });
  }

  private void failNode(
      StepNode n, String why, @Nullable Throwable error, boolean repeatable, boolean replan) {
    n.status = Status.FAILED;
    n.failure = why;
    if (hasListeners) {
      emit(new ExecutionEvent.StepFailed(clock.instant(), n.step, why, error));
    }
    int count = failureCounts.merge(n.key, 1, Integer::sum);
    if (!repeatable || count >= REPEATABLE_FAILURE_LIMIT) {
      permanentFailures.put(n.key, why);
    }
    if (n.step instanceof CreateClone c) {
      vmFailures.put(c.vm(), why);
    }
    if (replan) {
      replanRequested = true;
    }
    blockDependents(n, why);
    if (errorPolicy == ErrorPolicy.STOP_AT_FIRST_ERROR && stopOutcome == null) {
      stop(Outcome.FAILED, "stopped at the first error: " + n.describe() + ": " + why);
    }
  }

  private void blockDependents(StepNode failed, String why) {
    ArrayDeque<StepNode> stack = new ArrayDeque<>();
    stack.push(failed);
    while (!stack.isEmpty()) {
      StepNode n = stack.pop();
      for (StepNode d : n.dependents()) {
        if (d.status == Status.WAITING) {
          String reason = "depends on " + failed.describe() + ", which failed: " + why;
          d.status = Status.FAILED;
          d.failure = reason;
          if (d.step instanceof CreateClone c) {
            vmFailures.put(c.vm(), reason);
          }
          if (hasListeners && phase == Phase.RUNNING) {
            emit(new ExecutionEvent.StepFailed(clock.instant(), d.step, reason, null));
          }
          stack.push(d);
        }
      }
    }
  }

  private void maybeEndRound() {
    if (phase != Phase.RUNNING || inFlight > 0) {
      return;
    }
    if (stopOutcome != null) {
      stopped();
      return;
    }
    if (!replanRequested
        && (pendingTimers > 0
            || !readyDeletes.isEmpty()
            || !readyReplicas.isEmpty()
            || !readyClones.isEmpty())) {
      return;
    }
    if (roundSuccesses == 0) {
      noProgressRounds++;
    } else {
      noProgressRounds = 0;
    }
    if (noProgressRounds >= NO_PROGRESS_ROUND_LIMIT) {
      stopReason = "no progress in " + NO_PROGRESS_ROUND_LIMIT + " rounds in a row";
      finish();
      return;
    }
    observe();
  }

  // ---------------------------------------------------------------- stopping

  private void stop(Outcome outcome, String reason) {
    if (stopOutcome != null || phase == Phase.DONE || phase == Phase.CLEANING) {
      return;
    }
    stopOutcome = outcome;
    stopReason = reason;
    if (inFlight == 0) {
      stopped();
    }
  }

  /** Runs once the calls in flight have returned after a stop. */
  private void stopped() {
    if (phase == Phase.CLEANING || phase == Phase.DONE) {
      return;
    }
    if (suspects.isEmpty()) {
      finish();
      return;
    }
    phase = Phase.CLEANING;
    epoch++;
    pendingTimers = 0;
    observeAttempts = 0;
    issueCleanupObserve();
  }

  private void issueCleanupObserve() {
    observeAttempts++;
    inFlight++;
    call(
        () -> adapter.inventory(store),
        (inventory, error) -> {
          inFlight--;
          if (inventory != null) {
            lastInventory = inventory;
            cleanUp(inventory);
          } else if (isRetryable(error) && observeAttempts < retryPolicy.maxAttempts()) {
            faults++;
            retries++;
            after(backoff(observeAttempts, error), this::issueCleanupObserve);
          } else {
            faults++;
            LOG.log(
                Level.WARNING,
                "could not list " + store + " to clean up after the run: " + describe(error));
            finish();
          }
        });
  }

  /** Deletes what this run attempted to make and left incomplete; nothing else. */
  private void cleanUp(Inventory inventory) {
    phase = Phase.CLEANING;
    cleanupPending = 0;
    for (Container c : inventory.containers()) {
      if (c.state() != ContainerState.READY && suspects.contains(c.name())) {
        cleanupPending++;
        deleteHalfMade(c, 1);
      }
    }
    if (cleanupPending == 0) {
      finish();
    }
  }

  private void deleteHalfMade(Container c, int attempt) {
    inFlight++;
    call(
        () -> adapter.delete(store, c.id()),
        (v, error) -> {
          inFlight--;
          if (error == null) {
            cleanupDeletions++;
            suspects.remove(c.name());
          } else {
            faults++;
            if (isRetryable(error) && attempt < retryPolicy.maxAttempts()) {
              retries++;
              after(backoff(attempt, error), () -> deleteHalfMade(c, attempt + 1));
              return;
            }
            LOG.log(
                Level.WARNING,
                "could not delete the incomplete container " + c.name() + ": " + describe(error));
          }
          if (--cleanupPending == 0) {
            finish();
          }
        });
  }

  // ---------------------------------------------------------------- finishing

  private void finish() {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    epoch++;
    Instant now = clock.instant();
    Instant began = startedAt == null ? now : startedAt;
    Duration elapsed = Duration.between(began, now);
    ExecutionTotals totals =
        new ExecutionTotals(
            replicasDone,
            clonesDone,
            deletionsDone + cleanupDeletions,
            retries,
            faults,
            rounds,
            elapsed.isNegative() ? Duration.ZERO : elapsed);
    ReplicationPlan plan = lastPlan;
    List<Shortfall> shortfalls = plan == null ? List.of() : plan.shortfalls();
    List<UndoneStep> undone = undoneSteps();
    Outcome outcome = stopOutcome;
    if (outcome == null) {
      outcome = undone.isEmpty() && shortfalls.isEmpty() ? Outcome.SUCCEEDED : Outcome.PARTIAL;
    }
    ExecutionResult r =
        new ExecutionResult(outcome, vmOutcomes(shortfalls), undone, shortfalls, totals);
    emit(new ExecutionEvent.RunFinished(now, outcome, totals));
    result.complete(r);
  }

  private List<UndoneStep> undoneSteps() {
    List<UndoneStep> undone = new ArrayList<>();
    String stoppedBecause = stopReason == null ? "the run stopped" : stopReason;
    for (StepNode n : nodes) {
      if (n.status != Status.DONE) {
        String why = n.status == Status.FAILED && n.failure != null ? n.failure : stoppedBecause;
        undone.add(new UndoneStep(n.step, why));
      }
    }
    return undone;
  }

  private Map<VmId, VmOutcome> vmOutcomes(List<Shortfall> shortfalls) {
    Map<VmId, Shortfall> shortVms = new HashMap<>();
    for (Shortfall s : shortfalls) {
      for (VmId vm : s.vms()) {
        shortVms.put(vm, s);
      }
    }
    Map<VmId, StepNode> lastClones = new HashMap<>();
    for (StepNode n : nodes) {
      if (n.step instanceof CreateClone c) {
        lastClones.put(c.vm(), n);
      }
    }
    Map<String, Container> listed = new HashMap<>();
    Map<ContainerId, Container> listedIds = new HashMap<>();
    Inventory inventory = lastInventory;
    provisioned = new HashMap<>(madeClones.size() * 4 / 3 + 16);
    for (int i = 0; i < madeClones.size(); i++) {
      CreateClone c = madeClones.get(i);
      provisioned.put(c.vm(), new VmOutcome.Provisioned(madeCloneIds.get(i), c.masterName()));
    }
    boolean allMade = provisioned.size() == demand.size();
    if (inventory != null && !allMade) {
      for (Container c : inventory.containers()) {
        listed.put(c.name(), c);
        listedIds.put(c.id(), c);
      }
    }
    String stoppedBecause = stopReason == null ? "the run stopped" : stopReason;
    ImmutableMap.Builder<VmId, VmOutcome> out = ImmutableMap.builderWithExpectedSize(demand.size());
    for (VmId vm : demand.vms().keySet()) {
      out.put(vm, vmOutcome(vm, shortVms, lastClones, listed, listedIds, stoppedBecause));
    }
    return out.buildOrThrow();
  }

  private VmOutcome vmOutcome(
      VmId vm,
      Map<VmId, Shortfall> shortVms,
      Map<VmId, StepNode> lastClones,
      Map<String, Container> listed,
      Map<ContainerId, Container> listedIds,
      String stoppedBecause) {
    VmOutcome made = provisioned.get(vm);
    if (made != null) {
      return made;
    }
    Shortfall s = shortVms.get(vm);
    if (s != null) {
      return new VmOutcome.Unmet(s.limit(), s.reason());
    }
    StepNode n = lastClones.get(vm);
    if (n != null) {
      if (n.status == Status.FAILED && n.failure != null) {
        return new VmOutcome.Failed(n.failure);
      }
      return new VmOutcome.Unfinished(stoppedBecause);
    }
    Container clone = listed.get(vm.value());
    ContainerId source = clone == null ? null : clone.source();
    if (clone != null && !clone.isMaster() && clone.isReady() && source != null) {
      Container master = listedIds.get(source);
      String masterName = master == null ? source.value() : master.name();
      return new VmOutcome.AlreadyThere(clone.id(), masterName);
    }
    String failure = vmFailures.get(vm);
    if (failure != null) {
      return new VmOutcome.Failed(failure);
    }
    return new VmOutcome.Unfinished(stoppedBecause);
  }

  // ---------------------------------------------------------------- helpers

  private void emit(ExecutionEvent event) {
    for (ExecutionListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "an execution listener threw; the run goes on", e);
      }
    }
  }

  private Duration backoff(int failedAttempt, @Nullable Throwable error) {
    Optional<Duration> hint =
        error instanceof BusyException busy ? busy.retryAfter() : Optional.empty();
    return retryPolicy.backoff(failedAttempt, hint, random);
  }

  private static boolean isRetryable(@Nullable Throwable error) {
    return error instanceof ArrayException a && a.retryable();
  }

  private static String describe(@Nullable Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
