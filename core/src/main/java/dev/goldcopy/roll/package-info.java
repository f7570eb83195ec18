/**
 * Rolling image updates: moving a store's VMs from one image version to another in batches the
 * caller bounds, and back. {@link dev.goldcopy.roll.RollPlanner} is pure and deterministic like
 * the store planner: it turns the store's state and a {@link dev.goldcopy.roll.RollRequest} into a
 * {@link dev.goldcopy.roll.RollPlan} of batches, each a {@link dev.goldcopy.plan.Demand} the
 * {@link dev.goldcopy.execute.ReplicationExecutor} carries out; {@link
 * dev.goldcopy.roll.RollRunner} runs the batches in order and stops at the first that fails.
 */
@NullMarked
package dev.goldcopy.roll;

import org.jspecify.annotations.NullMarked;
