/**
 * Embedding Goldcopy in management code: plan, show the plan for approval, execute with progress
 * events, and read the per-VM result.
 */
@NullMarked
package dev.goldcopy.examples.embed;

import org.jspecify.annotations.NullMarked;
