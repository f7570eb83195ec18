package dev.goldcopy.micrometer;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.ExecutionEvent;
import dev.goldcopy.execute.ExecutionListener;
import dev.goldcopy.execute.ExecutionTotals;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.PlanStep;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a {@link dev.goldcopy.execute.ReplicationExecutor}'s events to a Micrometer {@link
 * MeterRegistry}. Add one to the executor's builder with {@code .listener(new
 * MicrometerExecutionListener(registry, Tags.of("store", "pool-1")))}; one listener may serve many
 * runs and executors, and is thread-safe.
 *
 * <p>The meters, each with the listener's common tags:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what it counts</th></tr>
 *   <tr><td>{@value #STEPS_STARTED}</td><td>counter</td><td>kind</td>
 *       <td>step calls issued (each attempt)</td></tr>
 *   <tr><td>{@value #STEPS_FINISHED}</td><td>counter</td><td>kind</td><td>steps done</td></tr>
 *   <tr><td>{@value #STEPS_RETRIED}</td><td>counter</td><td>kind, error</td>
 *       <td>step attempts that failed and will be made again (a retry, not a failure)</td></tr>
 *   <tr><td>{@value #STEPS_FAILED}</td><td>counter</td><td>kind</td>
 *       <td>steps failed for good (the run will not try them again)</td></tr>
 *   <tr><td>{@value #STEPS_IN_FLIGHT}</td><td>gauge</td><td></td>
 *       <td>step calls issued and not yet answered</td></tr>
 *   <tr><td>{@value #STEP_DURATION}</td><td>timer</td><td>kind</td>
 *       <td>from a step's last attempt to its end, on the executor's clock</td></tr>
 *   <tr><td>{@value #RUNS_FINISHED}</td><td>counter</td><td>outcome</td>
 *       <td>runs ended, by {@link dev.goldcopy.execute.Outcome}, in lower case</td></tr>
 *   <tr><td>{@value #RUN_DURATION}</td><td>timer</td><td>outcome</td>
 *       <td>a run's elapsed time on the executor's clock</td></tr>
 *   <tr><td>{@value #MADE}</td><td>counter</td><td>kind</td>
 *       <td>replicas and clones made, and deletions ({@code replica}, {@code clone},
 *       {@code deletion}), from the runs' totals</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td></td>
 *       <td>calls repeated, from the runs' totals</td></tr>
 * </table>
 *
 * <p>The {@code kind} tag is {@code replica}, {@code clone} or {@code deletion}; the {@code error}
 * tag is the simple name of the error's class.
 */
public final class MicrometerExecutionListener implements ExecutionListener {
  /** Counter of step calls issued. */
  public static final String STEPS_STARTED = "goldcopy.steps.started";
  /** Counter of steps done. */
  public static final String STEPS_FINISHED = "goldcopy.steps.finished";
  /** Counter of step attempts that will be made again. */
  public static final String STEPS_RETRIED = "goldcopy.steps.retried";
  /** Counter of steps failed for good. */
  public static final String STEPS_FAILED = "goldcopy.steps.failed";
  /** Gauge of step calls in flight. */
  public static final String STEPS_IN_FLIGHT = "goldcopy.steps.in.flight";
  /** Timer of steps, from their last attempt to their end. */
  public static final String STEP_DURATION = "goldcopy.step.duration";
  /** Counter of runs ended, by outcome. */
  public static final String RUNS_FINISHED = "goldcopy.runs.finished";
  /** Timer of runs. */
  public static final String RUN_DURATION = "goldcopy.run.duration";
  /** Counter of containers made and deleted, by kind. */
  public static final String MADE = "goldcopy.containers.changed";
  /** Counter of calls repeated. */
  public static final String RETRIES = "goldcopy.retries";

  private final MeterRegistry registry;
  private final Tags tags;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();

  /**
   * Creates a listener that publishes to {@code registry}.
   *
   * @param registry the registry
   * @param tags tags added to every meter (a store, a region)
   * @throws NullPointerException if an argument is null
   */
  public MicrometerExecutionListener(MeterRegistry registry, Iterable<Tag> tags) {
    this.registry = requireNonNull(registry, "registry");
    this.tags = Tags.of(requireNonNull(tags, "tags"));
    registry.gauge(STEPS_IN_FLIGHT, this.tags, running, Set::size);
  }

  /**
   * Creates a listener with no common tags.
   *
   * @param registry the registry
   * @throws NullPointerException if {@code registry} is null
   */
  public MicrometerExecutionListener(MeterRegistry registry) {
    this(registry, Tags.empty());
  }

  @Override
  public void onEvent(ExecutionEvent event) {
    if (event instanceof ExecutionEvent.StepStarted s) {
      running.add(key(s.step()));
      startedAt.put(key(s.step()), s.at());
      registry.counter(STEPS_STARTED, tags.and("kind", kind(s.step()))).increment();
    } else if (event instanceof ExecutionEvent.StepFinished f) {
      answered(f.step());
      registry.counter(STEPS_FINISHED, tags.and("kind", kind(f.step()))).increment();
      Instant began = startedAt.remove(key(f.step()));
      if (began != null) {
        timer(STEP_DURATION, "kind", kind(f.step())).record(Duration.between(began, f.at()));
      }
    } else if (event instanceof ExecutionEvent.StepRetried r) {
      answered(r.step());
      registry
          .counter(STEPS_RETRIED, tags.and("kind", kind(r.step()), "error", r.error().getClass().getSimpleName()))
          .increment();
    } else if (event instanceof ExecutionEvent.StepFailed f) {
      answered(f.step());
      startedAt.remove(key(f.step()));
      registry.counter(STEPS_FAILED, tags.and("kind", kind(f.step()))).increment();
    } else if (event instanceof ExecutionEvent.RunFinished r) {
      String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
      registry.counter(RUNS_FINISHED, tags.and("outcome", outcome)).increment();
      totals(r.totals());
      timer(RUN_DURATION, "outcome", outcome).record(r.totals().elapsed());
    }
  }

  private void answered(PlanStep step) {
    running.remove(key(step));
  }

  private void totals(ExecutionTotals t) {
    registry.counter(MADE, tags.and("kind", "replica")).increment(t.replicasMade());
    registry.counter(MADE, tags.and("kind", "clone")).increment(t.clonesMade());
    registry.counter(MADE, tags.and("kind", "deletion")).increment(t.deletions());
    registry.counter(RETRIES, tags).increment(t.retries());
  }

  private Timer timer(String name, String tag, String value) {
    return registry.timer(name, tags.and(tag, value));
  }

  private static String key(PlanStep step) {
    return kind(step) + ":" + step.id();
  }

  private static String kind(PlanStep step) {
    if (step instanceof CreateReplica) {
      return "replica";
    }
    return step instanceof CreateClone ? "clone" : "deletion";
  }
}
