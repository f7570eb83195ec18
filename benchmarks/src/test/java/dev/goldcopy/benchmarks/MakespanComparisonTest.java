package dev.goldcopy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.sim.VendorProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MakespanComparisonTest {

  @Test
  void reportPrintsOneMarkdownRowPerContenderAndTheBound() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MakespanComparison.Scenario scenario =
        new MakespanComparison.Scenario(VendorProfile.DELL_ME4_LARGE_POOLS, 40, 4L << 30, 1);

    boolean correct =
        MakespanComparison.report(
            scenario,
            MakespanComparison.contenders(),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String table = bytes.toString(StandardCharsets.UTF_8);
    assertThat(correct).isTrue();
    assertThat(table).contains("| planned fan-out executor |");
    assertThat(table).contains("| (a) reactive, copies from the origin |");
    assertThat(table).contains("| (b) sequential copies, then clones |");
    assertThat(table).contains("| (c) lower bound");
    assertThat(table.lines().filter(line -> line.startsWith("| ")).count()).isEqualTo(6);
    assertThat(table).doesNotContain("NO:");
  }

  @Test
  void sensitivityProfileLetsOneStreamUseTheWholeBandwidth() {
    VendorProfile changed =
        MakespanComparison.oneStreamAtFullBandwidth(VendorProfile.DELL_ME4_LARGE_POOLS);

    assertThat(changed.latency().perStreamBytesPerSecond())
        .isEqualTo(changed.latency().aggregateBytesPerSecond());
    assertThat(changed.capabilities().maxVirtualCopiesPerSource()).isEqualTo(8);
  }

  @Test
  void formatsDurationsForTheTable() {
    assertThat(MakespanComparison.format(Duration.ofMillis(62_500)))
        .isEqualTo("62.5 s (1 min 02 s)");
    assertThat(MakespanComparison.format(Duration.ofSeconds(5042)))
        .isEqualTo("5,042.0 s (1 h 24 min)");
    assertThat(MakespanComparison.format(Duration.ofMillis(15_600))).isEqualTo("15.6 s");
  }
}
