/**
 * A platform team's seven placement rules, each a short test on the test support module and the
 * public API alone: a pristine origin, growth and shrinkage that move nothing, a named capacity
 * shortfall, a golden explanation, a simulated time budget, determinism, and a fill cap.
 */
@NullMarked
package dev.goldcopy.examples.teamrules;

import org.jspecify.annotations.NullMarked;
