package dev.goldcopy.temporal;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.temporal.wire.PlanCall;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.PlanResult;
import java.util.List;

/** The planner, run as a local activity; stateless. */
final class PlanActivitiesImpl implements PlanActivities {

  @Override
  public PlanResult plan(PlanCall call) {
    StoreRef store = StoreRef.of(call.tenant(), call.store());
    ReplicationPlan plan;
    try {
      plan =
          ContainerReplicationPlanner.create(call.policy().toPolicy())
              .plan(
                  new PlanningInput(
                      store,
                      call.observation().capabilities().toCapabilities(),
                      call.observation().toInventory(store),
                      call.demand().toDemand()));
    } catch (IllegalArgumentException e) {
      // The input is refused (an unknown image, a name the array cannot hold): planning again
      // cannot help until the demand or the store changes, so this is an answer, not a failure.
      return new PlanResult(null, List.of(), List.of(), e.getMessage());
    }
    return OwnershipFilter.filter(PlanDto.of(plan), call.observation(), call.policy().ownerId());
  }
}
