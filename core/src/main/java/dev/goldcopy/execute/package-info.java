/**
 * The replication executor: a reconcile loop that observes a store, plans, issues the ready steps
 * against an {@link dev.goldcopy.spi.ArrayAdapter}, and repeats until nothing is left.
 */
@NullMarked
package dev.goldcopy.execute;

import org.jspecify.annotations.NullMarked;
