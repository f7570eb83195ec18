/** Tests of the fleet demo on real storage. */
@NullMarked
package dev.goldcopy.examples.real;

import org.jspecify.annotations.NullMarked;
