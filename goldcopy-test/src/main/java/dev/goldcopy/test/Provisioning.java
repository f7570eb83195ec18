package dev.goldcopy.test;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Inventory;
import java.time.Duration;
import java.util.Objects;

/**
 * One provisioning run on a {@link TestStore}, with what the store looked like before and after.
 * Assert on it with {@link GoldcopyAssertions#assertThat(Provisioning)}.
 *
 * @param result the executor's result
 * @param origin the origin as it was before the run
 * @param before the store's inventory before the run
 * @param after the store's inventory after the run
 * @param elapsed the simulated time the run took
 * @param records what the simulated array observed, from its start
 * @param freeBytesBefore the store's free capacity before the run
 * @param freeBytesAfter the store's free capacity after the run
 * @param seed the seed the run was made with
 */
public record Provisioning(
    ExecutionResult result,
    Container origin,
    Inventory before,
    Inventory after,
    Duration elapsed,
    SimulationRecords records,
    long freeBytesBefore,
    long freeBytesAfter,
    long seed) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public Provisioning {
    requireNonNull(result, "result");
    requireNonNull(origin, "origin");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    requireNonNull(elapsed, "elapsed");
    requireNonNull(records, "records");
  }

  /**
   * Counts the masters (origin and replicas) the store holds after the run.
   *
   * @return physical masters after the run
   */
  public long mastersAfter() {
    return after.containers().stream().filter(Container::isMaster).count();
  }

  /**
   * Counts the clones the store holds after the run.
   *
   * @return virtual copies after the run
   */
  public long clonesAfter() {
    return after.containers().stream().filter(c -> !c.isMaster()).count();
  }

  /**
   * Returns whether the origin is after the run exactly as it was before (same id, name, size,
   * state and labels) and no call of the run deleted it.
   *
   * @return true if the origin was left pristine
   */
  public boolean originUntouched() {
    boolean same = after.find(origin.id()).map(origin::equals).orElse(false);
    boolean deleteCalled =
        records.calls().stream()
            .anyMatch(c -> c.operation() == Operation.DELETE
                && Objects.equals(c.subject(), origin.id()));
    return same && !deleteCalled;
  }
}
