package dev.goldcopy.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.examples.real.RealBackend;
import dev.goldcopy.examples.real.RealOptions;
import dev.goldcopy.sim.VendorProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        .isEqualTo(new FleetOptions(500, VendorProfile.HPE_3PAR, 0.1, 9, 20, false, null));
  }

  @Test
  void parsesTheRealStorageOptions() {
    FleetOptions qcow2 = FleetOptions.parse("--qcow2", "/srv/images", "--per-source", "50");
    assertThat(qcow2.real())
        .isEqualTo(
            new RealOptions(
                new RealBackend.Qcow2(Path.of("/srv/images")), RealOptions.DEFAULT_VMS, 50,
                RealOptions.DEFAULT_IMAGE_MIB, false));

    FleetOptions ceph =
        FleetOptions.parse("--ceph", "vms", "--ceph-id", "goldcopy", "--vms", "40", "--remove");
    assertThat(ceph.real())
        .isEqualTo(
            new RealOptions(
                new RealBackend.Ceph("vms", null, null, "goldcopy"), 40,
                RealOptions.DEFAULT_PER_SOURCE, RealOptions.DEFAULT_IMAGE_MIB, true));
    assertThat(FleetOptions.parse().real()).isNull();
  }

  @Test
  void realStorageOptionsAreRefusedWhereTheyDoNotApply() {
    assertThatThrownBy(() -> FleetOptions.parse("--qcow2", "/d", "--profile", "hpe-3par"))
        .hasMessageContaining("--profile only applies to the simulated array");
    assertThatThrownBy(() -> FleetOptions.parse("--per-source", "8"))
        .hasMessageContaining("--per-source only applies with --qcow2 or --ceph");
    assertThatThrownBy(() -> FleetOptions.parse("--remove"))
        .hasMessageContaining("--remove only applies with --qcow2 or --ceph");
    assertThatThrownBy(() -> FleetOptions.parse("--qcow2", "/d", "--ceph", "rbd"))
        .hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> FleetOptions.parse("--qcow2", "/d", "--ceph-id", "x"))
        .hasMessageContaining("--ceph-id needs --ceph");
    assertThatThrownBy(() -> FleetOptions.parse("--qcow2", "/d", "--per-source", "0"))
        .hasMessageContaining("--per-source must be from 1");
    assertThatThrownBy(() -> FleetOptions.parse("--vms", "5", "--vms", "6"))
        .hasMessageContaining("--vms is given twice");
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
