@NullMarked
package dev.goldcopy.examples.vendor;

import org.jspecify.annotations.NullMarked;
