/** Runnable programs that wire Goldcopy's core to the simulated array. */
@NullMarked
package dev.goldcopy.examples;

import org.jspecify.annotations.NullMarked;
