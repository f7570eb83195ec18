package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.PlanCall;
import dev.goldcopy.temporal.wire.PlanResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The planner as a local activity: it runs in the worker that runs the workflow task, and its
 * answer is recorded in the history, so a replay reads the plan instead of planning again (see the
 * package description for why).
 */
@ActivityInterface
public interface PlanActivities {

  /**
   * Plans one round, leaving out what would touch containers this control plane does not own.
   *
   * @param call the observation, the demand, the policy and the owner
   * @return the plan
   */
  @ActivityMethod(name = "GoldcopyPlan")
  PlanResult plan(PlanCall call);
}
