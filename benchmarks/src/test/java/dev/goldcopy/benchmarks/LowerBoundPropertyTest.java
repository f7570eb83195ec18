package dev.goldcopy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.goldcopy.sim.LatencyModel;
import dev.goldcopy.sim.VendorProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * No strategy beats the lower bound: on random small arrays (limit, copy and clone concurrency,
 * per-stream share of the bandwidth, per-source read limit, clone latency) every contender's
 * simulated makespan is at least the bound, and every run is correct.
 */
class LowerBoundPropertyTest {
  private static final long GIB = 1L << 30;

  /**
   * An array shape: copy concurrency, the per-stream share of the bandwidth, clone latency, and
   * the per-source read rate in eighths of the aggregate (0: no read limit).
   */
  private record Shape(int copies, int streamDivisor, int cloneSeconds, int readEighths) {}

  private static Gen<Shape> shapes() {
    return SourceDSL.integers()
        .between(1, 6)
        .zip(
            SourceDSL.integers().between(1, 4),
            SourceDSL.integers().between(0, 5),
            SourceDSL.integers().between(0, 8),
            Shape::new);
  }

  @Test
  void everyContenderTakesAtLeastTheBound() {
    qt().withExamples(25)
        .forAll(
            SourceDSL.integers().between(1, 50),
            SourceDSL.integers().between(1, 9),
            shapes(),
            SourceDSL.integers().between(1, 16))
        .checkAssert(
            (vms, limit, shape, cloneConcurrency) -> {
              long aggregate = 4 * GIB;
              VendorProfile profile =
                  VendorProfile.builder("random")
                      .maxVirtualCopiesPerSource(limit)
                      .maxConcurrentPhysicalCopies(shape.copies())
                      .maxConcurrentVirtualCopies(cloneConcurrency)
                      .latency(
                          LatencyModel.builder()
                              .aggregateBytesPerSecond(aggregate)
                              .perStreamBytesPerSecond(aggregate / shape.streamDivisor())
                              .cloneLatency(Duration.ofSeconds(shape.cloneSeconds()))
                              .perSourceReadBytesPerSecond(aggregate / 8 * shape.readEighths())
                              .build())
                      .build();
              MakespanComparison.Scenario scenario =
                  new MakespanComparison.Scenario("random", profile, vms, 8 * GIB, 3);
              LowerBound bound =
                  LowerBound.of(ArrayTimeModel.of(profile), vms, limit, scenario.imageBytes());
              List<Contender> contenders = MakespanComparison.contenders();
              for (Contender contender : contenders) {
                ComparisonRow row = MakespanComparison.run(scenario, contender, bound, limit, 1);
                assertThat(row.failure()).as(contender.name()).isNull();
                assertThat(row.check().problems()).as(contender.name()).isEmpty();
                assertThat(row.makespan())
                    .as(contender.name())
                    .isGreaterThanOrEqualTo(bound.value());
              }
            });
  }
}
