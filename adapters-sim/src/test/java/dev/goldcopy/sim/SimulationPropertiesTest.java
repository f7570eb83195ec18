package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationPropertiesTest {

  private static final FaultPlan SOME_FAULTS =
      FaultPlan.builder()
          .transientBusyRate(0.1)
          .lostResponseRate(0.1)
          .incompleteCopyRate(0.2)
          .latencySpikeRate(0.1)
          .build();

  @Test
  void theSameSeedGivesTheSameRun() {
    qt().withFixedSeed(20261125L)
        .withExamples(20)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomScenario.Result first =
                  RandomScenario.run(VendorProfile.DELL_MD3200, SOME_FAULTS, seed, 150);
              RandomScenario.Result second =
                  RandomScenario.run(VendorProfile.DELL_MD3200, SOME_FAULTS, seed, 150);

              assertThat(second.records()).isEqualTo(first.records());
              assertThat(second.inventory()).isEqualTo(first.inventory());
              assertThat(second.elapsed()).isEqualTo(first.elapsed());
              assertThat(first.records().calls()).isNotEmpty();
            });
  }

  @Test
  void anotherSeedGivesAnotherRun() {
    RandomScenario.Result a = RandomScenario.run(VendorProfile.DELL_MD3200, SOME_FAULTS, 1, 200);
    RandomScenario.Result b = RandomScenario.run(VendorProfile.DELL_MD3200, SOME_FAULTS, 2, 200);

    assertThat(b.records().calls()).isNotEqualTo(a.records().calls());
  }

  @Test
  void noLimitIsEverExceededAndNothingDangles() {
    qt().withFixedSeed(7L)
        .withExamples(60)
        .forAll(
            longs().all(),
            integers().between(1, 12),
            integers().between(1, 40),
            doubles().between(0, 0.3))
        .checkAssert(
            (seed, perSource, total, faultRate) -> {
              VendorProfile profile =
                  VendorProfile.builder("random")
                      .maxVirtualCopiesPerSource(perSource)
                      .maxVirtualCopiesTotal(total)
                      .maxConcurrentPhysicalCopies(2)
                      .maxConcurrentVirtualCopies(4)
                      .storeCapacityBytes(64L << 30)
                      .build();
              FaultPlan faults =
                  FaultPlan.builder()
                      .transientBusyRate(faultRate)
                      .lostResponseRate(faultRate)
                      .incompleteCopyRate(faultRate)
                      .latencySpikeRate(faultRate)
                      .build();

              RandomScenario.Result result = RandomScenario.run(profile, faults, seed, 120);

              SimulationRecords records = result.records();
              assertThat(records.limitViolations()).isEmpty();
              assertThat(records.peakVirtualCopiesBySource().values())
                  .allSatisfy(peak -> assertThat(peak).isBetween(1, perSource));
              assertThat(records.peakVirtualCopiesTotal()).isLessThanOrEqualTo(total);
              assertThat(records.peakConcurrentPhysicalCopies()).isLessThanOrEqualTo(2);
              assertThat(records.peakConcurrentVirtualCopies()).isLessThanOrEqualTo(4);
              assertThat(RandomScenario.settled(result.inventory())).isTrue();
              Set<ContainerId> ids =
                  result.inventory().containers().stream()
                      .map(Container::id)
                      .collect(Collectors.toSet());
              for (Container c : result.inventory().containers()) {
                if (c.kind() == ContainerKind.VIRTUAL_COPY) {
                  assertThat(ids).contains(c.source());
                } else {
                  assertThat(RandomScenario.clonesOf(result.inventory(), c))
                      .isLessThanOrEqualTo(perSource);
                }
              }
            });
  }
}
