package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.spi.ContainerId;

/** What a run did for one VM of the demand. */
public sealed interface VmOutcome {

  /**
   * This run made the VM's virtual copy.
   *
   * @param container the virtual copy
   * @param masterName the master it was cloned from
   */
  record Provisioned(ContainerId container, String masterName) implements VmOutcome {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Provisioned {
      requireNonNull(container, "container");
      requireNonNull(masterName, "masterName");
    }
  }

  /**
   * The VM's virtual copy existed before this run; nothing was done for it.
   *
   * @param container the virtual copy
   * @param masterName the master it was cloned from, as the array lists it
   */
  record AlreadyThere(ContainerId container, String masterName) implements VmOutcome {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public AlreadyThere {
      requireNonNull(container, "container");
      requireNonNull(masterName, "masterName");
    }
  }

  /**
   * The VM's virtual copy could not be made, and running again does not help until the cause is
   * fixed: the array refused the step for a reason a repeat does not change (access denied, an
   * unknown error), the planner refused the input, or a step it depends on failed so.
   *
   * @param why the error, or the failed step it waited for
   */
  record Failed(String why) implements VmOutcome {
    /**
     * Checks the field.
     *
     * @throws NullPointerException if {@code why} is null
     */
    public Failed {
      requireNonNull(why, "why");
    }
  }

  /**
   * The plan's stated shortfall: the plan could not give the VM a virtual copy because a limit
   * leaves it out. Running again does not help until the limit, the capacity or the demand
   * changes.
   *
   * @param limit the limit that binds
   * @param why the planner's account, with the numbers
   */
  record Unmet(Shortfall.Limit limit, String why) implements VmOutcome {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Unmet {
      requireNonNull(limit, "limit");
      requireNonNull(why, "why");
    }
  }

  /**
   * Work left for a rerun: the VM has no virtual copy yet, and running again carries on. The run
   * stopped (cancelled, deadline, stopped at the first error, no progress), or the step's retryable
   * errors outlasted its attempts, or the array changed under the run (a conflict, a container
   * gone, a limit reached by someone else).
   *
   * @param why why the VM's copy was not made in this run
   */
  record Unfinished(String why) implements VmOutcome {
    /**
     * Checks the field.
     *
     * @throws NullPointerException if {@code why} is null
     */
    public Unfinished {
      requireNonNull(why, "why");
    }
  }
}
