/** Goldcopy on Temporal. */
@org.jspecify.annotations.NullMarked
package dev.goldcopy.temporal;
