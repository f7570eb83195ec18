/**
 * Placing a fleet of VMs across several stores: {@link dev.goldcopy.fleet.FleetPlanner} is pure
 * and deterministic like the store planner, and gives each store a {@link
 * dev.goldcopy.plan.Demand} the executor carries out.
 */
@NullMarked
package dev.goldcopy.fleet;

import org.jspecify.annotations.NullMarked;
