package dev.goldcopy.spi.kit;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit: checks that an {@link dev.goldcopy.spi.ArrayAdapter} keeps every promise
 * its javadoc makes. A vendor extends this class in its own test sources, in a class whose name
 * ends in {@code ConformanceTest} so that Maven Surefire runs it, and implements {@link
 * #createFixture()}; nothing else.
 *
 * <pre>{@code
 * class AcmeArrayConformanceTest extends ArrayAdapterConformanceKit {
 *   @Override
 *   protected ConformanceFixture createFixture() {
 *     return new AcmeFixture(); // the adapter, two stores of two tenants, a way to make an origin
 *   }
 * }
 * }</pre>
 *
 * <p>The checks come in groups, each named at the start of the check's display name ("Limits: the
 * per-source limit holds exactly"), and the vendor's class runs and reports them all under its own
 * name. Checks that need a capability the adapter does not declare (a per-source
 * limit, an array-wide total, a finite capacity, a fixture hook) are skipped through JUnit
 * assumptions. Every check deletes what it made and then verifies that nothing of it is left. When
 * the class ends the kit prints how many checks passed, failed and were skipped, and fails the
 * class if not one check ran.
 *
 * <p>Every failure says the rule of the contract, what the kit called, what it expected and what
 * happened.
 */
@ExtendWith(KitReport.class)
public abstract class ArrayAdapterConformanceKit extends BoundaryChecks {

  /** Creates the kit; JUnit calls it. */
  protected ArrayAdapterConformanceKit() {}

  /**
   * Returns a new fixture for one check: the adapter under test, its stores and its admin path.
   *
   * @return the fixture, which the kit closes after the check
   */
  @Override
  protected abstract ConformanceFixture createFixture();
}
