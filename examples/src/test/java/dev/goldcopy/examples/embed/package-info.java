@NullMarked
package dev.goldcopy.examples.embed;

import org.jspecify.annotations.NullMarked;
