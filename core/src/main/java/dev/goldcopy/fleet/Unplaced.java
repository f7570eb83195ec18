package dev.goldcopy.fleet;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.VmId;

/**
 * A VM no store can take, and why.
 *
 * @param vm the VM
 * @param reason which constraint or limit leaves it out, naming the stores' limits
 */
public record Unplaced(VmId vm, String reason) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public Unplaced {
    requireNonNull(vm, "vm");
    requireNonNull(reason, "reason");
  }
}
