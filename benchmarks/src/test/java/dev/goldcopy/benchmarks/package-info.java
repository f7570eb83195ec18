/** Tests of the comparison strategies and the lower bound. */
@NullMarked
package dev.goldcopy.benchmarks;

import org.jspecify.annotations.NullMarked;
