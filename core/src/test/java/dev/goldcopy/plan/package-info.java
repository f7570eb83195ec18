/** Tests of the replication planner. */
@NullMarked
package dev.goldcopy.plan;

import org.jspecify.annotations.NullMarked;
