package dev.goldcopy.execute;

import dev.goldcopy.plan.Adoption;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.Labels;
import org.jspecify.annotations.Nullable;

/**
 * What a run may touch and how it marks what it makes: the labels of each new container (owner,
 * role, group, content, lineage, VM, persistence), and whether a container is the owner's to
 * delete. The executor's last word before a change, after the planner's.
 */
final class Stewardship {
  private final OwnerId owner;
  private final Adoption adoption;
  private final Demand demand;
  /** The labels of the clone issued last: the next clone's differ mostly in the VM alone. */
  private @Nullable Labels lastClone;
  private String lastMaster = "";
  private @Nullable ContentId lastContent;
  private boolean lastPersistent;

  Stewardship(PlanningPolicy policy, Demand demand) {
    this.owner = policy.owner();
    this.adoption = policy.adoption();
    this.demand = demand;
  }

  OwnerId owner() {
    return owner;
  }

  /** The labels a create step's container is made with. */
  Labels labels(PlanStep step) {
    if (step instanceof CreateReplica r) {
      return Ownership.replica(owner, r.group(), r.content(), r.sourceName());
    }
    if (step instanceof CreateClone c) {
      return cloneLabels(c);
    }
    return Labels.empty();
  }

  /**
   * A clone's labels. Clones are issued master by master, so the labels of the last clone serve
   * as a template when the image version, the master and the persistence are the same (compared
   * as the step gives them, no label read): only the VM's label is set anew (and checked), with no
   * other value read, sorted or checked again.
   */
  private Labels cloneLabels(CreateClone c) {
    boolean persistent = demand.recreatable().isEmpty() || !demand.recreatable().contains(c.vm());
    Labels last = lastClone;
    Labels labels =
        last != null
                && persistent == lastPersistent
                && c.masterName().equals(lastMaster)
                && c.content().equals(lastContent)
            ? last.with(Ownership.VM, c.vm().value())
            : Ownership.clone(owner, c.vm(), c.content(), c.masterName(), persistent);
    lastClone = labels;
    lastMaster = c.masterName();
    lastContent = c.content();
    lastPersistent = persistent;
    return labels;
  }

  /** Whether the run may delete {@code c}: made for this owner, or adopted on purpose. */
  boolean manages(Container c) {
    Ownership.Kind kind = Ownership.classify(c, owner, adoption);
    return kind == Ownership.Kind.OWN || kind == Ownership.Kind.ADOPTED;
  }
}
