package dev.goldcopy.temporal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.temporal.wire.StoreSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link StoreSettings} of store workflows; every setter returns this builder. The
 * defaults suit a real array: copies polled every 30 s, each copy activity holding for 5 min and
 * heartbeating within a 30 s heartbeat timeout.
 */
public final class StoreOptions {
  private @Nullable String activityTaskQueue;
  private Duration observeTimeout = Duration.ofMinutes(2);
  private Duration cloneTimeout = Duration.ofMinutes(5);
  private Duration deleteTimeout = Duration.ofMinutes(5);
  private Duration copyHold = Duration.ofMinutes(5);
  private Duration copyPollInterval = Duration.ofSeconds(30);
  private Duration heartbeatTimeout = Duration.ofSeconds(30);
  private int maxConcurrentPhysicalCopies;
  private int maxConcurrentVirtualCopies;
  private int continueAsNewAfterEvents = 10_000;
  private int noProgressRounds = 5;

  private StoreOptions() {}

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static StoreOptions builder() {
    return new StoreOptions();
  }

  /**
   * Runs the array activities on their own task queue (default: the workflow's).
   *
   * @param value the task queue
   * @return this builder
   */
  @CanIgnoreReturnValue
  public StoreOptions activityTaskQueue(String value) {
    this.activityTaskQueue = requireNonNull(value, "activityTaskQueue");
    return this;
  }

  /**
   * Sets the timeouts of one observation, clone creation and deletion.
   *
   * @param observe observation (capabilities and inventory)
   * @param clone one virtual copy
   * @param delete one deletion
   * @return this builder
   */
  @CanIgnoreReturnValue
  public StoreOptions callTimeouts(Duration observe, Duration clone, Duration delete) {
    this.observeTimeout = requireNonNull(observe, "observe");
    this.cloneTimeout = requireNonNull(clone, "clone");
    this.deleteTimeout = requireNonNull(delete, "delete");
    return this;
  }

  /**
   * Sets how a physical copy is waited for.
   *
   * @param hold how long one copy activity waits before it hands back a copy in progress
   * @param pollInterval the workflow's wait before it asks again
   * @param heartbeat the copy activity's heartbeat timeout
   * @return this builder
   */
  @CanIgnoreReturnValue
  public StoreOptions copyWait(Duration hold, Duration pollInterval, Duration heartbeat) {
    this.copyHold = requireNonNull(hold, "hold");
    this.copyPollInterval = requireNonNull(pollInterval, "pollInterval");
    this.heartbeatTimeout = requireNonNull(heartbeat, "heartbeat");
    return this;
  }

  /**
   * Caps the calls one store's workflow runs at once, below the array's declared concurrency.
   *
   * @param physical physical copies at once; 0 for no cap of the caller's own
   * @param virtual clone creations and deletions at once; 0 for no cap
   * @return this builder
   */
  @CanIgnoreReturnValue
  public StoreOptions caps(int physical, int virtual) {
    this.maxConcurrentPhysicalCopies = physical;
    this.maxConcurrentVirtualCopies = virtual;
    return this;
  }

  /**
   * Sets the history length after which a store workflow continues as new (default 10,000).
   *
   * @param events at least 100
   * @return this builder
   */
  @CanIgnoreReturnValue
  public StoreOptions continueAsNewAfterEvents(int events) {
    this.continueAsNewAfterEvents = events;
    return this;
  }

  /**
   * Sets how many rounds in a row may end with nothing done before a run gives up (default 5).
   *
   * @param rounds at least 1
   * @return this builder
   */
  @CanIgnoreReturnValue
  public StoreOptions noProgressRounds(int rounds) {
    this.noProgressRounds = rounds;
    return this;
  }

  /**
   * Builds the settings.
   *
   * @return the settings
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public StoreSettings build() {
    return new StoreSettings(activityTaskQueue, observeTimeout, cloneTimeout,
        deleteTimeout, copyHold, copyPollInterval, heartbeatTimeout, maxConcurrentPhysicalCopies,
        maxConcurrentVirtualCopies, continueAsNewAfterEvents, noProgressRounds);
  }
}
