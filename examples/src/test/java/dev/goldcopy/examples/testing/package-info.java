@NullMarked
package dev.goldcopy.examples.testing;

import org.jspecify.annotations.NullMarked;
