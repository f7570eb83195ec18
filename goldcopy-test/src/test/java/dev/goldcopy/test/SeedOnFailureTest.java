package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A failing test on a simulated store reports the seed that replays it. */
class SeedOnFailureTest {

  private static final String ON_PURPOSE = "goldcopy.test.failOnPurpose";

  @Test
  void theFailureCarriesTheSeed() {
    System.setProperty(ON_PURPOSE, "true");
    Event failed;
    try {
      failed = EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(FailsOnPurpose.class))
          .execute()
          .testEvents()
          .failed()
          .list()
          .get(0);
    } finally {
      System.clearProperty(ON_PURPOSE);
    }

    Throwable failure = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .orElseThrow();
    assertThat(failure.getSuppressed()).singleElement()
        .extracting(Throwable::getMessage).asString()
        .contains("replay with -Dgoldcopy.seed=" + Long.getLong(Seeds.PROPERTY, 1234L));
  }

  /** Run only by the test above, through the engine test kit. */
  @SimulatedStore(seed = "1234")
  @EnabledIfSystemProperty(named = ON_PURPOSE, matches = "true")
  static class FailsOnPurpose {
    @Test
    void fails(TestStore store) {
      assertThat(store.plan(10)).makesReplicas(99);
    }
  }
}
