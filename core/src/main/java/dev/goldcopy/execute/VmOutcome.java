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
   * The VM's virtual copy could not be made.
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
   * The plan could not give the VM a virtual copy: a limit leaves it out.
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
   * The run stopped (cancelled, deadline, stopped at the first error) before the VM's virtual copy
   * was made; running again carries on.
   *
   * @param why why the run stopped
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
