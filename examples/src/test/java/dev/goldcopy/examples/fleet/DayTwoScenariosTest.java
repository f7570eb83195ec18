package dev.goldcopy.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DayTwoScenariosTest {

  @Test
  void theRollScenarioMovesEveryVmAndReportsEachBatch() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    boolean ok = RollDemo.run(FleetOptions.parse("--scenario", "roll", "--vms", "160"), out);
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(ok).as(text).isTrue();
    assertThat(text).contains("batch 1/").contains("Every VM on win11-vdi@2026.11: yes (160 of 160)");
  }

  @Test
  void theFleetScenarioPlacesAndProvisionsEveryVm() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    boolean ok = PlacementDemo.run(FleetOptions.parse("--scenario", "fleet", "--vms", "1500"), out);
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(ok).as(text).isTrue();
    assertThat(text).contains("1,500 VM(s) placed on 8 store(s)").contains("0 not placed");
  }

  @Test
  void theScenarioOptionIsChecked() {
    assertThat(FleetOptions.parse("--scenario", "fleet").vms()).isEqualTo(10_000);
    assertThat(FleetOptions.parse().scenario()).isEqualTo("provision");
    assertThatThrownBy(() -> FleetOptions.parse("--scenario", "upgrade"))
        .hasMessageContaining("--scenario");
  }
}
