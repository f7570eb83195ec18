/**
 * The pure replication planner: from a store's capabilities, inventory and demand, how many
 * physical masters the store needs, which copies to make from which source, where each VM's clone
 * goes, what to retire, and why. No I/O; deterministic; immutable inputs and outputs.
 */
@NullMarked
package dev.goldcopy.plan;

import org.jspecify.annotations.NullMarked;
