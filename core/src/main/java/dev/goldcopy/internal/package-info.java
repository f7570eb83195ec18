/**
 * Goldcopy's own helpers shared by the planner and the executor; not exported, not API.
 */
@NullMarked
package dev.goldcopy.internal;

import org.jspecify.annotations.NullMarked;
