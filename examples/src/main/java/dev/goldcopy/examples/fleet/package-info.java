/**
 * The main job: the fleet demo ({@code ./goldcopy-demo}) that plans and provisions a fleet on the
 * simulated array and checks DESIGN.md's invariants on the result.
 */
@NullMarked
package dev.goldcopy.examples.fleet;

import org.jspecify.annotations.NullMarked;
