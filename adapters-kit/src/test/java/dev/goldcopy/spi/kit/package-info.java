/** Tests of the conformance kit: a reference adapter passes, planted bugs fail the named check. */
@NullMarked
package dev.goldcopy.spi.kit;

import org.jspecify.annotations.NullMarked;
