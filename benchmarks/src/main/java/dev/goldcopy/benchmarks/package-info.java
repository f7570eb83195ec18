/** JMH benchmarks and side-by-side comparison runs on the simulated array. Not published. */
@NullMarked
package dev.goldcopy.benchmarks;

import org.jspecify.annotations.NullMarked;
