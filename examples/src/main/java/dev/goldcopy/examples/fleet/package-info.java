/**
 * The main job: the fleet demo ({@code ./goldcopy-demo}) that plans and provisions a fleet on the
 * simulated array and checks the invariants of docs/design.md on the result.
 */
@NullMarked
package dev.goldcopy.examples.fleet;

import org.jspecify.annotations.NullMarked;
