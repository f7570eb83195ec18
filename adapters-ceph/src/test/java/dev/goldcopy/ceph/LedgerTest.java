package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static final long GIB = 1L << 30;

  private static Ledger ledger(int perSource, int total, int containers, int physical) {
    Ledger l =
        new Ledger(
            new Settings.Limits(perSource, total, containers, 1, physical, 0),
            new CopyCosts(100, 0));
    l.listed("ns", List.of(master("gold", 10 * GIB)), 0);
    l.capacity(100 * GIB, 1000 * GIB);
    return l;
  }

  private static LedgerEntry master(String name, long size) {
    return new LedgerEntry(name, "id-" + name, ContainerKind.PHYSICAL_MASTER, size, null, false);
  }

  private static LedgerEntry clone(String name, String parent) {
    return new LedgerEntry(name, "id-" + name, ContainerKind.VIRTUAL_COPY, 10 * GIB, parent, false);
  }

  @Test
  void perSourceLimitCountsReservationsInProgress() {
    Ledger l = ledger(2, 0, 0, 0);
    l.put("ns", clone("vm-1", "gold"));
    Ledger.Reservation second = l.reserveVirtual("ns", "gold");

    assertThatThrownBy(() -> l.reserveVirtual("ns", "gold"))
        .isInstanceOfSatisfying(
            LimitReachedException.class,
            e -> {
              assertThat(e.scope()).isEqualTo(LimitReachedException.Scope.PER_SOURCE);
              assertThat(e.limit()).isEqualTo(2);
            });
    l.release(second);
    l.release(second); // a second release changes nothing
    l.commit(l.reserveVirtual("ns", "gold"), clone("vm-2", "gold"));
    assertThatThrownBy(() -> l.reserveVirtual("ns", "gold"))
        .isInstanceOf(LimitReachedException.class);
    l.remove("ns", "vm-1");
    assertThat(l.reserveVirtual("ns", "gold")).isNotNull();
  }

  @Test
  void arrayWideLimitsCountEveryNamespace() {
    Ledger l = ledger(0, 2, 4, 0);
    l.listed("other", List.of(master("o", GIB), clone("c", "o")), 0);
    l.put("ns", clone("vm-1", "gold"));

    assertThatThrownBy(() -> l.reserveVirtual("ns", "gold"))
        .isInstanceOfSatisfying(
            LimitReachedException.class,
            e -> assertThat(e.scope()).isEqualTo(LimitReachedException.Scope.ARRAY_TOTAL));
    assertThat(l.usedVirtualCopies()).isEqualTo(2);
    assertThat(l.usedContainers()).isEqualTo(4);
    assertThatThrownBy(() -> l.reservePhysical("ns", "gold", 10 * GIB))
        .isInstanceOfSatisfying(
            LimitReachedException.class,
            e -> assertThat(e.scope()).isEqualTo(LimitReachedException.Scope.ARRAY_CONTAINERS));
  }

  @Test
  void physicalCopiesHoldTheirPlaceUntilTheCopyEnds() {
    Ledger l = ledger(0, 0, 0, 1);
    Ledger.Reservation r = l.reservePhysical("ns", "gold", 10 * GIB);
    l.commit(r, new LedgerEntry("r1", "id-r1", ContainerKind.PHYSICAL_MASTER, 10 * GIB, "gold", false));

    assertThatThrownBy(() -> l.reservePhysical("ns", "gold", 10 * GIB))
        .isInstanceOf(BusyException.class);
    l.copyEnds();
    assertThat(l.reservePhysical("ns", "gold", 10 * GIB)).isNotNull();
  }

  @Test
  void aPhysicalCopyReservesItsSizeAndWhatItHasYetToWrite() {
    Ledger l = ledger(0, 0, 0, 0);
    l.capacity(100 * GIB, 25 * GIB);
    assertThat(l.freeBytes()).isEqualTo(25 * GIB); // what the pool can store binds

    Ledger.Reservation r = l.reservePhysical("ns", "gold", 10 * GIB);
    assertThat(l.freeBytes()).isEqualTo(15 * GIB);
    l.commit(r, new LedgerEntry("r1", "id-r1", ContainerKind.PHYSICAL_MASTER, 10 * GIB, "gold", false));
    assertThat(l.freeBytes()).isEqualTo(15 * GIB); // copying: still to be written
    assertThatThrownBy(() -> l.reservePhysical("ns", "gold", 20 * GIB))
        .isInstanceOf(InsufficientCapacityException.class);
  }

  @Test
  void provisionedBytesBindWhenThePoolHasMoreRoom() {
    Ledger l = ledger(0, 0, 0, 0);
    assertThat(l.freeBytes()).isEqualTo(90 * GIB);
    l.put("ns", master("big", 85 * GIB));

    assertThat(l.freeBytes()).isEqualTo(5 * GIB);
    assertThatThrownBy(() -> l.reservePhysical("ns", "big", 85 * GIB))
        .isInstanceOf(InsufficientCapacityException.class);
  }

  @Test
  void aMasterWithDependentsOrCreationsInProgressIsNotDeleted() {
    Ledger l = ledger(0, 0, 0, 0);
    Ledger.Reservation r = l.reserveVirtual("ns", "gold");

    assertThat(l.startDeleting("ns", "gold")).contains("source of 1");
    l.commit(r, clone("vm-1", "gold"));
    assertThat(l.startDeleting("ns", "gold")).contains("source of 1");
    l.remove("ns", "vm-1");
    assertThat(l.startDeleting("ns", "gold")).isNull();
    assertThatThrownBy(() -> l.reserveVirtual("ns", "gold")).isInstanceOf(BusyException.class);
    l.endDeleting("ns", "gold");
    assertThat(l.reserveVirtual("ns", "gold")).isNotNull();
  }

  @Test
  void aListingOverlappedByAChangeIsNotApplied() {
    Ledger l = ledger(0, 0, 0, 0);
    long token = l.listingStarts("ns");
    l.changeStarts("ns");
    l.put("ns", clone("vm-1", "gold"));
    l.changeEnds("ns");

    l.listed("ns", List.of(master("gold", GIB)), token); // taken before vm-1 was made
    assertThat(l.find("ns", "vm-1")).isNotNull();

    l.listed("ns", List.of(master("gold", GIB)), l.listingStarts("ns")); // a quiet listing
    assertThat(l.find("ns", "vm-1")).isNull();
  }
}
