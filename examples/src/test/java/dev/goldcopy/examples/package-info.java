@NullMarked
package dev.goldcopy.examples;

import org.jspecify.annotations.NullMarked;
