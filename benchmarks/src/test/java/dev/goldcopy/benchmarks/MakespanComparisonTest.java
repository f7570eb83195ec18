package dev.goldcopy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.sim.VendorProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MakespanComparisonTest {

  @Test
  void reportPrintsOneMarkdownRowPerContenderTheBoundAndASummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    MakespanComparison.Scenario scenario =
        new MakespanComparison.Scenario(
            "small", VendorProfile.DELL_ME4_LARGE_POOLS, 40, 4L << 30, 1);

    MakespanComparison.Result result =
        MakespanComparison.compare(scenario, MakespanComparison.contenders(), 2);
    ComparisonReport.scenario(result, out);
    ComparisonReport.summary(List.of(result), out);

    String table = bytes.toString(StandardCharsets.UTF_8);
    assertThat(result.rows()).allSatisfy(row -> assertThat(row.succeeded()).isTrue());
    assertThat(table).contains("| Goldcopy executor |");
    assertThat(table).contains("| Goldcopy executor, adapter silent on source reads |");
    assertThat(table).contains("| parallel script, pipelined |");
    assertThat(table).contains("| parallel script, copies then clones |");
    assertThat(table).contains("| fan-out tree script, one copy per source |");
    assertThat(table).contains("| reactive, like Cinder's Unity driver |");
    assertThat(table).contains("| sequential copies, then clones (floor) |");
    assertThat(table).contains("| lower bound (");
    assertThat(table).contains("| small |");
    assertThat(table.lines().filter(line -> line.startsWith("| ")).count()).isEqualTo(11);
    assertThat(table).doesNotContain("NO:").doesNotContain("stopped:");
  }

  @Test
  void everyScenarioOfTheReportIsProvisionedCorrectlyByTheParallelScript() {
    for (MakespanComparison.Scenario scenario : MakespanComparison.scenarios()) {
      MakespanComparison.Scenario small =
          new MakespanComparison.Scenario(
              scenario.name(), scenario.profile(), 60, 2L << 30, scenario.seed());
      MakespanComparison.Result result =
          MakespanComparison.compare(small, List.of(Contender.parallelScript(true)), 1);
      assertThat(result.rows().get(0).succeeded()).as(scenario.name()).isTrue();
    }
  }

  @Test
  void readLimitedProfilesKeepEverythingButTheReadLimit() {
    VendorProfile changed =
        MakespanComparison.readLimited(VendorProfile.DELL_ME4_LARGE_POOLS, 512L << 20);

    assertThat(changed.latency().perSourceReadBytesPerSecond()).isEqualTo(512L << 20);
    assertThat(changed.capabilities()).isEqualTo(VendorProfile.DELL_ME4_LARGE_POOLS.capabilities());
    assertThat(changed.latency().perStreamBytesPerSecond())
        .isEqualTo(VendorProfile.DELL_ME4_LARGE_POOLS.latency().perStreamBytesPerSecond());
  }

  @Test
  void formatsDurationsForTheTable() {
    assertThat(ComparisonReport.format(Duration.ofMillis(62_500)))
        .isEqualTo("62.5 s (1 min 02 s)");
    assertThat(ComparisonReport.format(Duration.ofSeconds(5042)))
        .isEqualTo("5,042.0 s (1 h 24 min)");
    assertThat(ComparisonReport.format(Duration.ofMillis(15_600))).isEqualTo("15.6 s");
  }
}
