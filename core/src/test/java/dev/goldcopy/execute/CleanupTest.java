package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.TransientArrayException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupTest {
  private final StageFixture f = new StageFixture(4, 4, 3);
  private final Cleanup cleanup =
      new Cleanup(f.calls, new Observer(f.calls, f.retrier), f.retrier, f.ledger);
  private final List<Inventory> listed = new ArrayList<>();
  private final List<Object> calls = new ArrayList<>();
  private int done;

  /** r1 and r2 are copies still in progress; vm-1 is a finished clone. */
  private void halfMade() {
    calls.add(f.array.createPhysicalCopy(f.array.store, f.origin.id(), "r1", Labels.empty()));
    calls.add(f.array.createPhysicalCopy(f.array.store, f.origin.id(), "r2", Labels.empty()));
    calls.add(f.array.createVirtualCopy(f.array.store, f.origin.id(), "vm-1", Labels.empty()));
  }

  private void sweepAfterListing() {
    f.inMailbox(() -> cleanup.listAndSweep(listed::add, () -> done++));
    f.loop.runUntilIdle();
  }

  @Test
  void deletesOnlyWhatThisRunAskedForAndLeftIncomplete() {
    halfMade();
    f.ledger.suspect("r1");
    f.ledger.suspect("vm-1");

    sweepAfterListing();

    assertThat(f.array.find("r1")).isNull();
    assertThat(f.array.find("r2")).isNotNull(); // another run's copy
    assertThat(f.array.find("vm-1")).isNotNull(); // complete
    assertThat(f.ledger.isSuspect("r1")).isFalse();
    assertThat(listed).hasSize(1);
    assertThat(done).isEqualTo(1);
    assertThat(f.ledger.totals(0, 0, java.time.Duration.ZERO).deletions()).isEqualTo(1);
  }

  @Test
  void aBusyDeleteIsRetriedAndAFailingOneIsLeft() {
    halfMade();
    f.ledger.suspect("r1");
    f.ledger.suspect("r2");
    f.array.failNext("r1", new BusyException("busy"));
    f.array.failNext("r2", new AccessDeniedException("no"));

    sweepAfterListing();

    assertThat(f.array.find("r1")).isNull();
    assertThat(f.array.find("r2")).isNotNull();
    assertThat(f.retrier.retries()).isEqualTo(1);
    assertThat(done).isEqualTo(1);
  }

  @Test
  void nothingToDeleteIsDoneAtOnce() {
    f.inMailbox(() -> cleanup.sweep(f.array.inventory(f.array.store).toCompletableFuture().join(), () -> done++));

    assertThat(done).isEqualTo(1);
    assertThat(f.array.calls).isEmpty();
  }

  @Test
  void aStoreThatCannotBeListedIsLeftAsItIs() {
    halfMade();
    f.ledger.suspect("r1");
    for (int i = 0; i < 3; i++) {
      f.array.failNext("inventory", new TransientArrayException("timeout"));
    }

    sweepAfterListing();

    assertThat(listed).isEmpty();
    assertThat(done).isEqualTo(1);
    assertThat(f.array.find("r1")).isNotNull();
    assertThat(f.retrier.retries()).isEqualTo(2);
  }
}
