/**
 * The conformance kit a storage vendor runs against its {@link dev.goldcopy.spi.ArrayAdapter}:
 * extend {@link dev.goldcopy.spi.kit.ArrayAdapterConformanceKit} in a test class whose name ends in
 * {@code ConformanceTest} and return a {@link dev.goldcopy.spi.kit.ConformanceFixture} from its one
 * factory method.
 *
 * <p>Published as {@code dev.goldcopy:goldcopy-adapters-kit}; add it in test scope. It brings JUnit
 * Jupiter and AssertJ with it, so nothing else is needed.
 */
@NullMarked
package dev.goldcopy.spi.kit;

import org.jspecify.annotations.NullMarked;
