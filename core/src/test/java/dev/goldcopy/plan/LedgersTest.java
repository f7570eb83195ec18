package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SlotLedger}, {@link CapacityLedger} and {@link PlanMath}. */
class LedgersTest {

  @Test
  void anUnlimitedSlotLedgerNeverWaits() {
    SlotLedger ledger = new SlotLedger(0, 1_000, new ArrayDeque<>(List.of("delete:a")));

    assertThat(ledger.remaining()).isEqualTo(SlotLedger.UNBOUNDED);
    assertThat(ledger.take()).isEmpty();
  }

  @Test
  void aSlotBeyondWhatIsFreeNowWaitsForDeletions() {
    // Limit 3, 2 clones stay, 2 are being deleted: 4 on the source now, 1 slot once they go.
    ArrayDeque<String> going = new ArrayDeque<>(List.of("delete:a", "delete:b"));
    SlotLedger ledger = new SlotLedger(3, 2, going);

    assertThat(ledger.remaining()).isEqualTo(1);
    assertThat(ledger.take()).containsExactly("delete:a", "delete:b");
    assertThat(ledger.remaining()).isZero();
    assertThatThrownBy(ledger::take).isInstanceOf(IllegalStateException.class);

    SlotLedger roomy = new SlotLedger(4, 1, new ArrayDeque<>(List.of("delete:c", "delete:d")));
    assertThat(roomy.take()).isEmpty();
    assertThat(roomy.take()).containsExactly("delete:c");
    assertThat(roomy.take()).containsExactly("delete:d");
  }

  @Test
  void capacityBeyondWhatIsFreeNowWaitsForEnoughDeletionsInOrder() {
    CapacityLedger ledger = new CapacityLedger(10);
    ledger.credit("delete:a", 5);
    ledger.credit("delete:nothing", 0);
    ledger.credit("delete:b", 7);

    assertThat(ledger.available()).isEqualTo(22);
    assertThat(ledger.take(4)).isEmpty();
    assertThat(ledger.take(10)).containsExactly("delete:a");
    assertThat(ledger.take(8)).containsExactly("delete:b");
    assertThat(ledger.available()).isZero();
    assertThatThrownBy(() -> ledger.take(1)).isInstanceOf(IllegalStateException.class);
    CapacityLedger huge = new CapacityLedger(Long.MAX_VALUE);
    huge.credit("delete:c", 1);
    assertThat(huge.available()).as("saturates").isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void planMathSaturates() {
    assertThat(PlanMath.ceilDiv(7, 2)).isEqualTo(4);
    assertThat(PlanMath.ceilDiv(0, 3)).isZero();
    assertThat(PlanMath.sat(Long.MAX_VALUE)).isEqualTo(PlanMath.UNBOUNDED);
    assertThat(PlanMath.slots(0, PlanMath.UNBOUNDED)).isZero();
    assertThat(PlanMath.slots(3, 4)).isEqualTo(12);
    assertThat(PlanMath.slots(2, PlanMath.UNBOUNDED)).isEqualTo(PlanMath.UNBOUNDED);
    assertThat(PlanMath.mul(1L << 40, 1L << 30)).isEqualTo(Long.MAX_VALUE);
    assertThat(PlanMath.mul(3, 5)).isEqualTo(15);
  }
}
