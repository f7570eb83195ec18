/**
 * Goldcopy on Temporal: durable store workflows for control planes that outgrow one process.
 *
 * <p>One {@link dev.goldcopy.temporal.StoreWorkflow} per store, with the workflow id {@link
 * dev.goldcopy.temporal.StoreWorkflowIds#of(dev.goldcopy.spi.StoreRef)}, {@code
 * goldcopy-store/<tenant>/<store>}:
 * Temporal runs at most one open workflow per id, so at most one writer drives a store fleet-wide,
 * whatever number of clients start it and workers run it. The workflow converges the store to its
 * demand as the in-process executor does (observe, plan, issue ready steps, repeat), applies an
 * approved plan exactly (stopping with the reason if the store drifted), or previews a plan for
 * approval. Its array calls are activities ({@link dev.goldcopy.temporal.StoreActivities}) run by
 * any worker whose {@link dev.goldcopy.temporal.ArrayRegistry} knows the array; the embedding
 * application provides the adapters. {@link dev.goldcopy.temporal.FleetWorkflow} provisions many
 * stores from one request. {@link dev.goldcopy.temporal.StoreClient} starts and finds them;
 * {@link dev.goldcopy.temporal.GoldcopyWorkers} registers them on a worker.
 *
 * <h2>Where planning runs</h2>
 *
 * The planner runs as a local activity ({@link dev.goldcopy.temporal.PlanActivities}), not in
 * workflow code, although it is pure and deterministic. A local activity's answer is recorded in
 * the history, so a replay reads each round's plan instead of planning again: a new Goldcopy
 * version whose planner decides differently cannot break the replay of workflows that are
 * running, and a replay does not spend the planner's time again for every past round. The price
 * is the plan's size in the history, which continue-as-new bounds.
 *
 * <h2>Rules for anyone extending the workflows</h2>
 *
 * Workflow code ({@code StoreWorkflowImpl}, {@code StepRound}, {@code ApplyLoop}, {@code Cleanup},
 * {@code FleetWorkflowImpl} and the pure helpers they call) is replayed from the history after a
 * worker dies, is evicted from the cache, or a query arrives. A replay must take exactly the same
 * decisions, so workflow code:
 *
 * <ul>
 *   <li>never calls an {@link dev.goldcopy.spi.ArrayAdapter}, a clock ({@code System}, {@code
 *       Instant.now()}), a random source, a thread, a lock or anything with I/O: the array is read
 *       and changed only through activities, time is {@code Workflow.currentTimeMillis()} and
 *       {@code Workflow.newTimer}, waiting is {@code Workflow.await};
 *   <li>iterates only over ordered collections ({@code List}, {@code LinkedHashMap}, {@code
 *       TreeMap}); never over {@code HashMap}/{@code HashSet} or over {@code Map.copyOf} and
 *       {@code Set.of}, whose order changes from one JVM to the next;
 *   <li>keeps every value that crosses Temporal a record of the {@link dev.goldcopy.temporal.wire}
 *       package, and changes those records only compatibly (add a nullable component at the end;
 *       never rename or remove one while workflows that wrote it may still run);
 *   <li>changes its decisions only behind {@code Workflow.getVersion}, or with a new task queue
 *       (or Temporal's worker versioning) for the new code, so running workflows replay on the
 *       code that wrote their history;
 *   <li>keeps the array's state on the array: names are deterministic and creation is
 *       idempotent, so a retried activity joins what an earlier attempt started, and a workflow
 *       that continues as new carries only counters and what it must remember ({@link
 *       dev.goldcopy.temporal.wire.Carry}).
 * </ul>
 *
 * <p>A test replays a recorded history on fresh workflow code ({@code WorkflowReplayer}); add one
 * for every new path.
 *
 * <h2>Ownership</h2>
 *
 * Every container a workflow makes carries Goldcopy's ownership labels ({@link
 * dev.goldcopy.plan.Ownership}, with the policy's owner id) and the workflow's id ({@link
 * dev.goldcopy.temporal.WorkflowLabels}).
 * A plan step that would delete a container without them (someone else's image or clone, a
 * container made by hand) is left out, with the steps that wait for it, and reported in the
 * result's {@code leftInPlace}; such containers still count against every limit.
 *
 * <h2>Modules</h2>
 *
 * This module has no {@code module-info}: Temporal's {@code temporal-sdk} and {@code
 * temporal-serviceclient} jars both hold the package {@code io.temporal.internal}, a split package
 * the module system refuses to resolve, so the SDK runs on the class path only. The jar declares
 * {@code Automatic-Module-Name: dev.goldcopy.temporal}. Goldcopy's core does not depend on
 * Temporal.
 */
@org.jspecify.annotations.NullMarked
package dev.goldcopy.temporal;
