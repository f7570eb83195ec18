/**
 * The conformance kit a storage vendor runs against its {@link dev.goldcopy.spi.ArrayAdapter}:
 * extend {@link dev.goldcopy.spi.conformance.ArrayAdapterConformanceTest} and return a {@link
 * dev.goldcopy.spi.conformance.ConformanceFixture} from its one factory method.
 *
 * <p>Published as the test-jar of {@code goldcopy-adapters-spi}; add it in test scope with {@code
 * <type>test-jar</type>} next to JUnit Jupiter and AssertJ.
 */
@NullMarked
package dev.goldcopy.spi.conformance;

import org.jspecify.annotations.NullMarked;
