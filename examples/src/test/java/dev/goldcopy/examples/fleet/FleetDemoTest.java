package dev.goldcopy.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.sim.VendorProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the main job small, and checks its options. */
class FleetDemoTest {

  @Test
  void provisionsASmallFleetWithFaultsAndEveryInvariantHolds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    boolean ok = FleetDemo.run(FleetOptions.parse("--vms", "300", "--fault-rate", "0.2"), out, false);

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(report).isTrue();
    assertThat(report)
        .contains("ceil(300 / 8)")
        .contains("VMs provisioned          300 of 300")
        .doesNotContain("FAIL")
        .contains("Done: every VM provisioned, every invariant held.");
  }

  @Test
  void aFleetBeyondTheArrayTotalIsServedAsFarAsItGoesAndTheRestReportedShort() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    // MD3200: 8 clones per LUN and 128 in all, so 200 VMs leave 72 short.
    boolean ok =
        FleetDemo.run(
            FleetOptions.parse("--vms", "200", "--profile", "dell-md3200", "--fault-rate", "0.1"),
            out,
            false);

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(report).isTrue();
    assertThat(report)
        .contains("VMs provisioned          128 of 200")
        .contains("72 reported short")
        .contains("ARRAY_TOTAL")
        .doesNotContain("FAIL");
  }

  @Test
  void parsesEveryOption() {
    FleetOptions options =
        FleetOptions.parse(
            "--vms", "500", "--profile", "hpe-3par", "--fault-rate", "0.1", "--seed", "9",
            "--image-gib", "20");

    assertThat(options)
        .isEqualTo(new FleetOptions(500, VendorProfile.HPE_3PAR, 0.1, 9, 20, false));
  }

  @Test
  void badOptionsNameWhatIsWrong() {
    assertThatThrownBy(() -> FleetOptions.parse("--vms", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--vms");
    assertThatThrownBy(() -> FleetOptions.parse("--profile", "netapp"))
        .hasMessageContaining("no vendor profile named 'netapp'");
    assertThatThrownBy(() -> FleetOptions.parse("--fault-rate", "0.9"))
        .hasMessageContaining("--fault-rate");
    assertThatThrownBy(() -> FleetOptions.parse("--colour", "blue"))
        .hasMessageContaining("unknown option: --colour");
    assertThatThrownBy(() -> FleetOptions.parse("--seed"))
        .hasMessageContaining("--seed needs a value");
    assertThatThrownBy(() -> FleetOptions.parse("--bogus"))
        .hasMessageContaining("unknown option: --bogus");
  }
}
