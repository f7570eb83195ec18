@NullMarked
package dev.goldcopy.examples.fleet;

import org.jspecify.annotations.NullMarked;
