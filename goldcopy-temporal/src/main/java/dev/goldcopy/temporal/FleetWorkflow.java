package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.FleetRequest;
import dev.goldcopy.temporal.wire.FleetSummary;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Provisions many stores from one request: one child {@link StoreWorkflow} per store (with the
 * store's own workflow id, so the one-writer rule still holds), at most the request's number at
 * once, and a summary of the fleet.
 */
@WorkflowInterface
public interface FleetWorkflow {

  /** The workflow type name. */
  String TYPE = "GoldcopyFleet";

  /**
   * Runs every store of the request to its demand and sums up.
   *
   * @param request the stores, their demands and the common settings
   * @return the fleet summary
   */
  @WorkflowMethod(name = TYPE)
  FleetSummary provision(FleetRequest request);

  /**
   * Answers the summary so far.
   *
   * @return the stores finished so far, summed up
   */
  @QueryMethod(name = "summary")
  FleetSummary summary();
}
