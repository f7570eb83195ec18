/** Tests of the Micrometer bridge. */
@NullMarked
package dev.goldcopy.micrometer;

import org.jspecify.annotations.NullMarked;
