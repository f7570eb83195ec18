/** Tests of the test support. */
@NullMarked
package dev.goldcopy.test;

import org.jspecify.annotations.NullMarked;
