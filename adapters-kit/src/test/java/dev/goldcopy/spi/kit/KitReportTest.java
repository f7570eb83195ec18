package dev.goldcopy.spi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A kit run that checks nothing fails instead of passing. */
class KitReportTest {

  /** A vendor class whose fixture can never be made: every check is skipped. */
  static class NoFixtureKitRun extends ArrayAdapterConformanceKit {
    @Override
    protected ConformanceFixture createFixture() {
      Assumptions.abort("no array is configured");
      throw new AssertionError("unreachable");
    }
  }

  @Test
  void aRunWhereEveryCheckIsSkippedFails() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoFixtureKitRun.class)).execute();

    assertThat(results.testEvents().succeeded().count()).isZero();
    assertThat(results.testEvents().skipped().count() + results.testEvents().aborted().count()).isPositive();
    assertThat(results.containerEvents().failed().list())
        .singleElement()
        .satisfies(e -> assertThat(e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
            .orElseThrow().getMessage()).contains("ran no check"));
  }
}
