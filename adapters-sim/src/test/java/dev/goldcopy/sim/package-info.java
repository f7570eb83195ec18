@NullMarked
package dev.goldcopy.sim;

import org.jspecify.annotations.NullMarked;
