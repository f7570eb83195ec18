package dev.goldcopy.plan;

import java.util.List;

/**
 * One action of a {@link ReplicationPlan}. Steps name the containers they make or act on by their
 * deterministic names, so carrying a step out twice finds the container the first attempt made.
 *
 * <p>A step may start once every step in {@link #dependsOn()} has finished.
 */
public sealed interface PlanStep permits CreateReplica, CreateClone, DeleteContainer {

  /**
   * Returns the step's identifier, unique within its plan.
   *
   * @return the identifier
   */
  String id();

  /**
   * Returns the identifiers of the steps that must finish before this one starts.
   *
   * @return the dependencies, possibly empty
   */
  List<String> dependsOn();

  /**
   * Returns why the planner chose this step, in an engineer's words.
   *
   * @return the reason
   */
  String reason();
}
