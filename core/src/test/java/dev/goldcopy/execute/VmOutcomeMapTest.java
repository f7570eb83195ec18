package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContainerId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result's VM outcomes keep the contract of a read-only map, whatever holds them. */
class VmOutcomeMapTest {
  private static final List<VmId> VMS = List.of(VmId.of("vm-1"), VmId.of("vm-2"), VmId.of("vm-3"));
  private static final VmOutcome[] OUTCOMES = {
    new VmOutcome.Provisioned(ContainerId.of("c-1"), "win11-golden"),
    new VmOutcome.Failed("the array refused"),
    new VmOutcome.Unfinished("cancelled"),
  };

  private static VmOutcomeMap map() {
    return new VmOutcomeMap(VMS, Comparator.naturalOrder(), OUTCOMES.clone());
  }

  private static Map<VmId, VmOutcome> plain() {
    Map<VmId, VmOutcome> m = new LinkedHashMap<>();
    for (int i = 0; i < VMS.size(); i++) {
      m.put(VMS.get(i), OUTCOMES[i]);
    }
    return m;
  }

  @Test
  void itIsEqualToHashedAndPrintedAsAPlainMapOfTheSameEntriesInTheDemandsOrder() {
    assertThat(map()).isEqualTo(plain());
    assertThat(plain()).isEqualTo(map());
    assertThat(map().hashCode()).isEqualTo(plain().hashCode());
    assertThat(map().toString()).isEqualTo(plain().toString());
    assertThat(map().keySet()).containsExactlyElementsOf(VMS);
    assertThat(map()).isNotEqualTo(Map.of(VMS.get(0), OUTCOMES[0]));
  }

  @Test
  void lookUpsFindEachVmAndNothingElse() {
    VmOutcomeMap m = map();
    for (int i = 0; i < VMS.size(); i++) {
      assertThat(m.get(VMS.get(i))).isEqualTo(OUTCOMES[i]);
    }
    assertThat(m.get(VmId.of("vm-0"))).isNull();
    assertThat(m.get(VmId.of("vm-9"))).isNull();
    Object otherType = "vm-1";
    assertThat(m.get(otherType)).as("a key of another type").isNull();
    assertThat(m.containsKey(VmId.of("vm-2"))).isTrue();
    assertThat(m.containsKey(VmId.of("vm-4"))).isFalse();
  }

  @Test
  void itCannotBeChanged() {
    VmOutcomeMap m = map();
    assertThatThrownBy(() -> m.put(VmId.of("vm-4"), OUTCOMES[0]))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.remove(VMS.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(m).hasSize(3);
  }

  @Test
  void aMissingOrExtraOutcomeIsRefused() {
    assertThatThrownBy(() -> new VmOutcomeMap(VMS, Comparator.naturalOrder(),
        new VmOutcome[] {OUTCOMES[0]}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("3 VMs but 1 outcomes");
  }
}
