package dev.goldcopy.spi.kit;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
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
 * <p>The checks come in groups, one nested class each, so a report reads "Limits &gt; per-source
 * limit holds exactly". Checks that need a capability the adapter does not declare (a per-source
 * limit, an array-wide total, a finite capacity, a fixture hook) are skipped through JUnit
 * assumptions. Every check deletes what it made and then verifies that nothing of it is left. When
 * the class ends the kit prints how many checks passed, failed and were skipped, and fails the
 * class if not one check ran.
 *
 * <p>Every failure says the rule of the contract, what the kit called, what it expected and what
 * happened.
 */
@ExtendWith(KitReport.class)
public abstract class ArrayAdapterConformanceKit {
  private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));

  /** Creates the kit; JUnit calls it. */
  protected ArrayAdapterConformanceKit() {}

  /**
   * Returns a new fixture for one check: the adapter under test, its stores and its admin path.
   *
   * @return the fixture, which the kit closes after the check
   */
  protected abstract ConformanceFixture createFixture();

  /** Creating, listing and deleting both kinds of copy. */
  @Nested
  @DisplayName("Creation")
  class Creation extends CreationChecks {
    Creation() {
      super(ArrayAdapterConformanceKit.this::createFixture, token);
    }
  }

  /** Labels set at creation, listed unchanged, kept by the array. */
  @Nested
  @DisplayName("Labels")
  class Labelling extends LabelChecks {
    Labelling() {
      super(ArrayAdapterConformanceKit.this::createFixture, token);
    }
  }

  /** Idempotent names, conflicts, and names freed by a delete. */
  @Nested
  @DisplayName("Idempotence")
  class Idempotence extends IdempotenceChecks {
    Idempotence() {
      super(ArrayAdapterConformanceKit.this::createFixture, token);
    }
  }

  /** Deleting: missing containers, dependents, running copies. */
  @Nested
  @DisplayName("Deletion")
  class Deletion extends DeletionChecks {
    Deletion() {
      super(ArrayAdapterConformanceKit.this::createFixture, token);
    }
  }

  /** Declared limits, usage and capacity, one at a time. */
  @Nested
  @DisplayName("Limits")
  class Limits extends LimitChecks {
    Limits() {
      super(ArrayAdapterConformanceKit.this::createFixture, token);
    }
  }

  /** Limits and names under concurrent callers on real threads. */
  @Nested
  @DisplayName("Concurrency")
  class Concurrency extends ConcurrencyChecks {
    Concurrency() {
      super(ArrayAdapterConformanceKit.this::createFixture, token);
    }
  }

  /** Tenancy, names and arguments. */
  @Nested
  @DisplayName("Boundaries")
  class Boundaries extends BoundaryChecks {
    Boundaries() {
      super(ArrayAdapterConformanceKit.this::createFixture, token);
    }
  }
}
