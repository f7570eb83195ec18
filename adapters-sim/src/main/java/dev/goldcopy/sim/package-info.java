/**
 * The simulated array: a discrete-event simulation on a virtual clock that enforces the limits it
 * declares exactly as a real array refuses, with vendor profiles and a seeded fault plan.
 */
@NullMarked
package dev.goldcopy.sim;

import org.jspecify.annotations.NullMarked;
