@NullMarked
package dev.goldcopy.spi;

import org.jspecify.annotations.NullMarked;
