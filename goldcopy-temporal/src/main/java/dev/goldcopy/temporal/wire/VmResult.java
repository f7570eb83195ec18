package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What a store workflow did for one VM of the demand, read from the array after the run.
 *
 * @param vm the VM
 * @param kind the outcome
 * @param container its virtual copy's id, if it has one
 * @param master the name of the master the copy was made from, if it has one
 * @param why the reason for an outcome without a copy; null otherwise
 */
public record VmResult(
    String vm, Kind kind, @Nullable String container, @Nullable String master,
    @Nullable String why) {

  /** The outcome for one VM; the names follow {@link dev.goldcopy.execute.VmOutcome}. */
  public enum Kind {
    /** This workflow made the VM's virtual copy. */
    PROVISIONED,
    /** The copy existed before this workflow; nothing was done for it. */
    ALREADY_THERE,
    /** The copy could not be made, for the reason given. */
    FAILED,
    /** The plan leaves the VM out: a limit binds. */
    UNMET,
    /** The run stopped (cancel, drift) before the copy was made; running again carries on. */
    UNFINISHED
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if {@code vm} or {@code kind} is null
   */
  public VmResult {
    requireNonNull(vm, "vm");
    requireNonNull(kind, "kind");
  }
}
