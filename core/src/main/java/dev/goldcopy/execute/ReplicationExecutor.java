package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.StoreLease;
import dev.goldcopy.spi.StoreRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Carries replication plans out against an {@link ArrayAdapter}: a reconcile loop that observes a
 * store (capabilities and inventory), plans, issues every step as soon as its dependencies are done
 * and its source is ready, and observes and plans again until nothing is left.
 *
 * <p>State lives on the array, not here: names are deterministic and creation is idempotent, so a
 * fresh executor on a store that a crashed one left half-done simply resumes, with no duplicates.
 * Calls run within the array's declared concurrency and the caller's caps; retryable errors are
 * retried with back-off; failed physical copies are deleted and made again; a master with
 * dependents and the origin are never deleted.
 *
 * <p>Time and threads are injected ({@link Builder#executor}, {@link Builder#scheduler}, {@link
 * Builder#clock}). On the simulated array, a direct executor ({@code Runnable::run}) and the
 * simulator's scheduler make a run single-threaded and deterministic for a seed.
 *
 * <p>Instances are immutable and thread-safe; each {@link #start} is an independent run.
 */
public final class ReplicationExecutor {
  private final RunSettings settings;

  private ReplicationExecutor(RunSettings settings) {
    this.settings = settings;
  }

  /**
   * Returns a builder for an executor that drives {@code adapter}.
   *
   * @param adapter the array
   * @return a new builder with the defaults
   * @throws NullPointerException if {@code adapter} is null
   */
  public static Builder builder(ArrayAdapter adapter) {
    return new Builder(requireNonNull(adapter, "adapter"));
  }

  /**
   * Starts a run that brings {@code store} to {@code demand}, and returns at once.
   *
   * @param store the tenant and store
   * @param demand the VMs that must run from the store
   * @return the run's handle
   * @throws NullPointerException if an argument is null
   */
  public ExecutionHandle start(StoreRef store, Demand demand) {
    return start(store, demand, DeletionApproval.none());
  }

  /**
   * Starts converging {@code store} to {@code demand}, approving for this run deletions beyond the
   * planner's {@link dev.goldcopy.plan.DeletionGuard}: for example {@link DeletionApproval#all()}
   * to empty a store on purpose. Without approval such a plan is refused and the run fails before
   * anything is deleted.
   *
   * @param store the tenant and store
   * @param demand the VMs that must run from it
   * @param approval the deletions approved for this run
   * @return the run's handle
   * @throws NullPointerException if an argument is null
   */
  public ExecutionHandle start(StoreRef store, Demand demand, DeletionApproval approval) {
    requireNonNull(approval, "approval");
    requireNonNull(store, "store");
    requireNonNull(demand, "demand");
    ExecutionRun run =
        new ExecutionRun(
            settings,
            store,
            demand,
            (ledger, stewardship, calls, control) ->
                new RoundPlanner(
                    settings.planner(),
                    store,
                    demand,
                    approval,
                    ledger,
                    settings.maxConcurrentPhysicalCopies(),
                    settings.maxConcurrentVirtualCopies()));
    run.begin();
    return run;
  }

  /**
   * Starts carrying out an approved plan exactly, and returns at once: the plan's steps and no
   * others, in its order, on the plan's store. The executor does not plan. Before each round (the
   * first, and again after a step fails and the store is read anew) it checks the whole plan's
   * preconditions against what it observes: each source and master is there and usable, each name
   * it creates is free or holds what the plan makes, each container it deletes is the same one and
   * has no dependents the plan leaves, and the new copies fit the limits and the free capacity.
   * Then, just before each step is issued, it checks that step's own preconditions again, against
   * its view of the store: the last read, kept up to date with what the run has done since, and
   * read again when older than {@link Builder#maxViewAge} or after a call failed (one read serves
   * every step waiting for it). If the store has drifted in a way that matters, the step is not
   * issued, nothing more is, and the run ends {@link Outcome#DRIFTED}, its result naming each
   * difference in {@link ExecutionResult#drift()}: plan again and approve the new plan. Steps
   * already in flight then are let finish, not aborted. Between two reads the array itself refuses
   * a step whose precondition no longer holds, without effect, and the run then ends DRIFTED the
   * same way. Work of the plan already on the array is not done twice.
   *
   * <p>The plan itself is the approval of its deletions; {@link dev.goldcopy.plan.DeletionGuard}
   * is the planner's check and was made when the plan was. The VMs of the result are those the
   * plan clones or reports short, and their clones are labelled persistent. A plan written with
   * {@link dev.goldcopy.plan.PlanText#write} in one process and read back in another runs the same.
   *
   * @param plan the approved plan
   * @return the run's handle
   * @throws NullPointerException if {@code plan} is null
   */
  public ExecutionHandle apply(ReplicationPlan plan) {
    requireNonNull(plan, "plan");
    ExecutionRun run =
        new ExecutionRun(
            settings,
            plan.store(),
            ApprovedRounds.demandOf(plan),
            (ledger, stewardship, calls, control) ->
                new ApprovedRounds(
                    plan,
                    ledger,
                    stewardship,
                    new StepChecks(plan, stewardship, ledger, calls, control, settings.clock(),
                        settings.maxViewAge()),
                    settings.maxConcurrentPhysicalCopies(),
                    settings.maxConcurrentVirtualCopies()));
    run.begin();
    return run;
  }

  /**
   * Runs {@code store} to {@code demand} and waits for the result. For real arrays, where the
   * adapter completes calls on its own threads; on the simulated array use {@link #start} and let
   * the simulator run the events.
   *
   * @param store the tenant and store
   * @param demand the VMs that must run from the store
   * @return the result, whatever the outcome
   * @throws NullPointerException if an argument is null
   * @throws GoldcopyException if the calling thread is interrupted (the run is cancelled and the
   *     interrupt flag kept) or the run broke
   */
  public ExecutionResult execute(StoreRef store, Demand demand) {
    ExecutionHandle run = start(store, demand);
    try {
      return run.result().get();
    } catch (InterruptedException e) {
      run.cancel();
      Thread.currentThread().interrupt();
      throw new GoldcopyException("interrupted while executing " + store, e);
    } catch (ExecutionException | CancellationException e) {
      throw new GoldcopyException("the run on " + store + " broke: " + e.getMessage(), e);
    }
  }

  /** Builds a {@link ReplicationExecutor}; every setter checks its argument at once. */
  public static final class Builder {
    private final ArrayAdapter adapter;
    private Function<PlanningInput, ReplicationPlan> planner =
        ContainerReplicationPlanner.create(PlanningPolicy.defaults())::plan;
    private PlanningPolicy policy = PlanningPolicy.defaults();
    private Executor executor = ForkJoinPool.commonPool();
    private Scheduler scheduler = DefaultScheduler.INSTANCE;
    private Clock clock = Clock.systemUTC();
    private int maxConcurrentPhysicalCopies = Integer.MAX_VALUE;
    private int maxConcurrentVirtualCopies = Integer.MAX_VALUE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable Duration deadline;
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;
    private final List<ExecutionListener> listeners = new ArrayList<>();
    private @Nullable StoreLease lease;
    private Duration leaseTimeToLive = LeaseSettings.DEFAULT_TTL;
    private Duration leaseWait = LeaseSettings.DEFAULT_WAIT;
    private Duration maxViewAge = RunSettings.DEFAULT_MAX_VIEW_AGE;

    private Builder(ArrayAdapter adapter) {
      this.adapter = adapter;
    }

    /**
     * Sets the planner (default: {@code ContainerReplicationPlanner.create(PlanningPolicy.defaults())}).
     *
     * @param value the planner
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder planner(ContainerReplicationPlanner value) {
      requireNonNull(value, "planner");
      this.planner = value::plan;
      this.policy = value.policy();
      return this;
    }

    /** Sets the planning function; package-private so tests can script plans. */
    @CanIgnoreReturnValue
    Builder planFunction(Function<PlanningInput, ReplicationPlan> value) {
      this.planner = requireNonNull(value, "planner");
      return this;
    }

    /**
     * Sets the executor that runs the run's work and callbacks (default: the common fork-join
     * pool). Pass {@code Runnable::run} on the simulated array.
     *
     * @param value the executor
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder executor(Executor value) {
      this.executor = requireNonNull(value, "executor");
      return this;
    }

    /**
     * Sets the scheduler of retries and the deadline (default: a shared daemon timer thread). Pass
     * {@code sim::schedule} on the simulated array.
     *
     * @param value the scheduler
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder scheduler(Scheduler value) {
      this.scheduler = requireNonNull(value, "scheduler");
      return this;
    }

    /**
     * Sets the clock for the deadline, events and elapsed time (default: the system clock in UTC).
     *
     * @param value the clock
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    /**
     * Caps the physical copies in progress at once (default: no cap beyond the array's declared
     * concurrency, which always applies too).
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    @CanIgnoreReturnValue
    public Builder maxConcurrentPhysicalCopies(int value) {
      this.maxConcurrentPhysicalCopies = RunSettings.positive("maxConcurrentPhysicalCopies", value);
      return this;
    }

    /**
     * Caps the virtual copy creations in progress at once (default: no cap beyond the array's
     * declared concurrency, which always applies too). Deletions in progress share this cap.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    @CanIgnoreReturnValue
    public Builder maxConcurrentVirtualCopies(int value) {
      this.maxConcurrentVirtualCopies = RunSettings.positive("maxConcurrentVirtualCopies", value);
      return this;
    }

    /**
     * Sets how retryable errors and failed copies are retried (default: {@link
     * RetryPolicy#defaults()}).
     *
     * @param value the policy
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = requireNonNull(value, "retryPolicy");
      return this;
    }

    /**
     * Sets how long a run may take on the executor's clock (default: no deadline). When it passes,
     * the run stops as if cancelled and finishes {@link Outcome#DEADLINE_EXCEEDED}.
     *
     * @param value a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    @CanIgnoreReturnValue
    public Builder deadline(Duration value) {
      this.deadline = RunSettings.positive("deadline", value);
      return this;
    }

    /**
     * Sets what a failed step does to the rest of the run (default: {@link ErrorPolicy#CONTINUE}).
     *
     * @param value the policy
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder errorPolicy(ErrorPolicy value) {
      this.errorPolicy = requireNonNull(value, "errorPolicy");
      return this;
    }

    /**
     * Adds a listener of progress events; listeners are called in the order added.
     *
     * @param value the listener
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder listener(ExecutionListener value) {
      listeners.add(requireNonNull(value, "listener"));
      return this;
    }

    /**
     * Sets the lease that makes each run the store's only writer (default: {@link
     * InProcessStoreLease#of}, shared by every executor of this adapter instance in this JVM).
     * Supply a lease that an adapter or a coordination service provides to exclude executors in
     * other processes too.
     *
     * @param value the lease
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    @CanIgnoreReturnValue
    public Builder storeLease(StoreLease value) {
      this.lease = requireNonNull(value, "storeLease");
      return this;
    }

    /**
     * Sets how long a run's lease lasts unless renewed (default 30 seconds); the run renews it
     * every third of that. A run gives its lease back whenever it ends, also when it broke; a run
     * that stopped without ending (its process died, or its renewals no longer fire) holds the
     * store until its lease expires, which is how long another writer waits to take over.
     *
     * @param value a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    @CanIgnoreReturnValue
    public Builder leaseTimeToLive(Duration value) {
      this.leaseTimeToLive = RunSettings.positive("leaseTimeToLive", value);
      return this;
    }

    /**
     * Sets how long a run waits for its store's lease while another writer holds it (default 10
     * minutes; the run's deadline and a cancel end the wait too). {@link Duration#ZERO} makes a
     * run fail fast: its result then completes exceptionally with {@link
     * dev.goldcopy.spi.LeaseHeldException}, naming the holder, and nothing is read or changed. The
     * same happens when the wait is over.
     *
     * @param value zero or a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is negative
     */
    @CanIgnoreReturnValue
    public Builder leaseWait(Duration value) {
      this.leaseWait = RunSettings.notNegative("leaseWait", value);
      return this;
    }

    /**
     * Sets how old the view of the store may be against which {@link ReplicationExecutor#apply}
     * checks a step before issuing it (default 10 seconds). The view is the last read of the store, kept up to date
     * with what the run itself did since; when it is older, the store is read again first, one
     * read serving every step that waits for it. {@link Duration#ZERO} reads the store before
     * every batch of steps issued together, which catches a change made by someone else between
     * any two steps, at the cost of one read of the whole store per batch. Converging runs
     * ({@link ReplicationExecutor#start(StoreRef, Demand)}) do not use it.
     *
     * @param value zero or a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is negative
     */
    @CanIgnoreReturnValue
    public Builder maxViewAge(Duration value) {
      this.maxViewAge = RunSettings.notNegative("maxViewAge", value);
      return this;
    }

    /**
     * Builds the executor.
     *
     * @return the executor
     */
    public ReplicationExecutor build() {
      StoreLease l = lease;
      LeaseSettings leases = new LeaseSettings(
          l != null ? l : InProcessStoreLease.of(adapter, clock), leaseTimeToLive, leaseWait);
      return new ReplicationExecutor(new RunSettings(adapter, planner, policy, executor, scheduler,
          clock, maxConcurrentPhysicalCopies, maxConcurrentVirtualCopies, retryPolicy, deadline,
          errorPolicy, listeners, leases, maxViewAge));
    }
  }
}
