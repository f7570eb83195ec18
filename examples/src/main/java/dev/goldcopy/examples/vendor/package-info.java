/**
 * What a storage vendor writes to put its array under Goldcopy, shown on an array kept in memory.
 *
 * <ol>
 *   <li><b>Implement {@link dev.goldcopy.spi.ArrayAdapter}</b>, five methods, as {@link
 *       dev.goldcopy.examples.vendor.InMemoryArrayAdapter} does: check the tenant, answer a repeated
 *       name with what it made, check each limit before creating, refuse to delete a source that
 *       has copies, and complete each stage with the result or one of the SPI's exceptions.
 *   <li><b>Declare capabilities honestly</b> in {@link dev.goldcopy.spi.ArrayCapabilities}: every
 *       limit the array enforces, {@link dev.goldcopy.spi.ArrayCapabilities#UNLIMITED} only where it
 *       has none. The planner sizes replica groups from these numbers, and the kit tests each one.
 *   <li><b>Extend the conformance kit</b>, {@code
 *       dev.goldcopy.spi.kit.ArrayAdapterConformanceKit} from {@code goldcopy-adapters-kit} in test
 *       scope, with its one factory method, and run it in your build. Checks for a capability the
 *       adapter does not declare are skipped.
 * </ol>
 *
 * <p>The adapter depends on {@code goldcopy-adapters-spi} alone, as a vendor's would.
 */
@NullMarked
package dev.goldcopy.examples.vendor;

import org.jspecify.annotations.NullMarked;
