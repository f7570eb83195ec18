package dev.goldcopy.spi.kit;

import static dev.goldcopy.spi.kit.KitSession.OTHER_CONTENT;
import static dev.goldcopy.spi.kit.KitSession.OTHER_GROUP;
import static dev.goldcopy.spi.kit.KitSession.check;
import static dev.goldcopy.spi.kit.KitSession.checkEqual;
import static dev.goldcopy.spi.kit.KitSession.ids;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.LimitReachedException.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every declared limit holds exactly, usage follows what is made, capacity is reserved. */
abstract class LimitChecks extends DeletionChecks {
  private static final long MIB = 1L << 20;

  LimitChecks() {}

  @Test
  @DisplayName("Limits: the per-source limit holds exactly")
  void perSourceLimitHoldsExactly() {
    ArrayCapabilities caps = kit().capabilities();
    int limit = caps.maxVirtualCopiesPerSource();
    assumeTrue(caps.virtualCopiesSupported() && ArrayCapabilities.isLimited(limit), "the adapter declares a per-source limit");
    assumeTrue(caps.remainingVirtualCopies() > limit && caps.remainingContainers() > limit + 2,
        "the array-wide totals leave room for one more than the per-source limit");
    Container origin = kit().origin(kit().name("o"));
    List<Container> clones = new ArrayList<>();
    for (int i = 0; i < limit; i++) {
      clones.add(kit().virtualCopy(origin.id(), kit().name("v")));
    }
    Set<ContainerId> before = ids(kit().inventory());

    LimitReachedException refused = kit().fail(Rule.PER_SOURCE,
        "createVirtualCopy of " + origin.id() + " after " + limit + " copies", LimitReachedException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), kit().name("v"), Labels.empty()));

    checkEqual(Rule.PER_SOURCE, "LimitReachedException.scope()", Scope.PER_SOURCE, refused.scope());
    checkEqual(Rule.PER_SOURCE, "LimitReachedException.limit()", limit, refused.limit());
    checkEqual(Rule.PER_SOURCE, "inventory() after the refused create", before, ids(kit().inventory()));
    kit().delete(clones.get(0).id());
    kit().virtualCopy(origin.id(), kit().name("v"));
  }

  @Test
  @DisplayName("Limits: the array-wide virtual copy total holds exactly")
  void arrayWideTotalHoldsExactly() {
    ArrayCapabilities caps = kit().capabilities();
    assumeTrue(kit().dedicated(), "the array is the kit's alone (this check fills a total)");
    assumeTrue(caps.virtualCopiesSupported() && ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal()),
        "the adapter declares an array-wide virtual copy total");
    int room = caps.remainingVirtualCopies();
    assumeTrue(room <= 1_000, "the total leaves at most 1,000 virtual copies to fill");
    List<Container> clones = fillVirtualCopies(caps, room);
    Container fresh = kit().origin(kit().name("o"));
    Set<ContainerId> before = ids(kit().inventory());

    LimitReachedException refused = kit().fail(Rule.ARRAY_TOTAL,
        "createVirtualCopy of " + fresh.id() + " with the array at its total", LimitReachedException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), fresh.id(), kit().name("v"), Labels.empty()));

    checkEqual(Rule.ARRAY_TOTAL, "LimitReachedException.scope()", Scope.ARRAY_TOTAL, refused.scope());
    checkEqual(Rule.ARRAY_TOTAL, "LimitReachedException.limit()", caps.maxVirtualCopiesTotal(), refused.limit());
    checkEqual(Rule.ARRAY_TOTAL, "inventory() after the refused create", before, ids(kit().inventory()));
    kit().delete(clones.get(clones.size() - 1).id());
    kit().virtualCopy(fresh.id(), kit().name("v"));
  }

  @Test
  @DisplayName("Limits: the array-wide container total holds exactly, for both creates")
  void containerTotalHoldsExactly() {
    ArrayCapabilities caps = kit().capabilities();
    assumeTrue(kit().dedicated(), "the array is the kit's alone (this check fills a total)");
    assumeTrue(ArrayCapabilities.isLimited(caps.maxContainersTotal()), "the adapter declares a container total");
    int room = caps.remainingContainers();
    assumeTrue(room >= 2 && room <= 1_000, "the total leaves 2 to 1,000 containers to fill");
    boolean clones = caps.virtualCopiesSupported() && caps.remainingVirtualCopies() >= room;
    long each = clones ? caps.copyCosts().virtualCopyBytes() : caps.copyCosts().physicalCopyBytes(KitSession.ORIGIN_SIZE);
    assumeTrue(caps.freeCapacityBytes() / room > each + KitSession.ORIGIN_SIZE / room,
        "the free capacity holds a copy for every container the total leaves");
    Container origin = kit().origin(kit().name("o"));
    List<Container> made = new ArrayList<>();
    int perSource = ArrayCapabilities.isLimited(caps.maxVirtualCopiesPerSource())
        ? caps.maxVirtualCopiesPerSource() : Integer.MAX_VALUE;
    Container source = origin;
    int onSource = 0;
    for (int left = room - 1; left > 0; left--) {
      if (clones && onSource == perSource && left >= 2) {
        source = kit().origin(kit().name("o"));
        onSource = 0;
        left--;
      }
      if (clones && onSource < perSource) {
        made.add(kit().virtualCopy(source.id(), kit().name("v")));
        onSource++;
      } else {
        made.add(kit().physicalCopy(origin.id(), kit().name("r")));
      }
    }
    Set<ContainerId> before = ids(kit().inventory());

    LimitReachedException physical = kit().fail(Rule.CONTAINER_TOTAL,
        "createPhysicalCopy with the array at its container total", LimitReachedException.class,
        () -> kit().adapter().createPhysicalCopy(kit().store(), origin.id(), kit().name("r"), Labels.empty()));
    checkEqual(Rule.CONTAINER_TOTAL, "LimitReachedException.scope()", Scope.ARRAY_CONTAINERS, physical.scope());
    Container roomy = onSource < perSource ? source : origin;
    boolean hasRoom = onSource < perSource || made.stream().anyMatch(Container::isMaster);
    if (!(onSource < perSource)) {
      roomy = made.stream().filter(Container::isMaster).findFirst().orElse(origin);
    }
    if (caps.virtualCopiesSupported() && hasRoom) {
      ContainerId from = roomy.id();
      LimitReachedException virtual = kit().fail(Rule.CONTAINER_TOTAL,
          "createVirtualCopy of " + from + " with the array at its container total", LimitReachedException.class,
          () -> kit().adapter().createVirtualCopy(kit().store(), from, kit().name("v"), Labels.empty()));
      checkEqual(Rule.CONTAINER_TOTAL, "LimitReachedException.scope()", Scope.ARRAY_CONTAINERS, virtual.scope());
    }
    checkEqual(Rule.CONTAINER_TOTAL, "inventory() after the refused creates", before, ids(kit().inventory()));
    Container freed = made.get(made.size() - 1);
    kit().delete(freed.id());
    kit().physicalCopy(origin.id(), kit().name("r"));
  }

  @Test
  @DisplayName("Limits: virtual copies chain no deeper than declared")
  void virtualCopiesChainNoDeeperThanDeclared() {
    ArrayCapabilities caps = kit().capabilities();
    int depth = caps.maxLocalReplicationDepth();
    assumeTrue(caps.virtualCopiesSupported() && ArrayCapabilities.isLimited(depth), "the adapter declares a replication depth");
    assumeTrue(caps.remainingVirtualCopies() > depth, "the array-wide total leaves room for the chain");
    Container source = kit().origin(kit().name("o"));
    for (int level = 1; level <= depth; level++) {
      source = kit().virtualCopy(source.id(), kit().name("v"));
    }
    ContainerId deepest = source.id();
    Set<ContainerId> before = ids(kit().inventory());

    LimitReachedException refused = kit().fail(Rule.DEPTH,
        "createVirtualCopy of " + deepest + " at depth " + depth, LimitReachedException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), deepest, kit().name("v"), Labels.empty()));

    checkEqual(Rule.DEPTH, "LimitReachedException.scope()", Scope.REPLICATION_DEPTH, refused.scope());
    checkEqual(Rule.DEPTH, "LimitReachedException.limit()", depth, refused.limit());
    checkEqual(Rule.DEPTH, "inventory() after the refused create", before, ids(kit().inventory()));
  }

  @Test
  @DisplayName("Limits: an array without virtual copies refuses every one")
  void anArrayWithoutVirtualCopiesRefusesThem() {
    assumeTrue(!kit().capabilities().virtualCopiesSupported(), "the adapter declares no virtual copies");
    Container origin = kit().origin(kit().name("o"));

    LimitReachedException refused = kit().fail(Rule.UNSUPPORTED, "createVirtualCopy of " + origin.id(),
        LimitReachedException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), kit().name("v"), Labels.empty()));

    checkEqual(Rule.UNSUPPORTED, "LimitReachedException.scope()", Scope.NOT_SUPPORTED, refused.scope());
  }

  @Test
  @DisplayName("Limits: usage is reported beside every array-wide maximum")
  void usageIsReportedBesideEveryMaximum() {
    ArrayCapabilities caps = kit().capabilities();
    boolean virtualTotal = ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal()) && caps.virtualCopiesSupported();
    boolean containerTotal = ArrayCapabilities.isLimited(caps.maxContainersTotal());
    assumeTrue(virtualTotal || containerTotal, "the adapter declares an array-wide total");
    assumeTrue(caps.remainingVirtualCopies() >= 2 && caps.remainingContainers() >= 4, "room for four containers");
    Container origin = kit().origin(kit().name("o"));
    ArrayCapabilities before = kit().capabilities();

    Container clone = caps.virtualCopiesSupported()
        ? kit().virtualCopy(origin.id(), kit().name("v"))
        : kit().physicalCopy(origin.id(), kit().name("r"));
    ArrayCapabilities after = kit().capabilities();
    kit().delete(clone.id());
    ArrayCapabilities afterDelete = kit().capabilities();

    String call = "capabilities() before and after one " + (caps.virtualCopiesSupported() ? "virtual" : "physical") + " copy";
    if (kit().dedicated()) {
      Container theirs = kit().origin(kit().otherStore(), kit().name("o"), KitSession.CONTENT, KitSession.GROUP,
          KitSession.ORIGIN_SIZE);
      ArrayCapabilities mine = kit().capabilities();
      Container theirClone = kit().succeed(Rule.USAGE, "createVirtualCopy in " + kit().otherStore(),
          () -> caps.virtualCopiesSupported()
              ? kit().adapter().createVirtualCopy(kit().otherStore(), theirs.id(), kit().name("v"), Labels.empty())
              : kit().adapter().createPhysicalCopy(kit().otherStore(), theirs.id(), kit().name("r"), Labels.empty()));
      kit().madeBy(theirClone);
      ArrayCapabilities mineAfter = kit().capabilities();
      String other = "capabilities(" + kit().store() + ") before and after a copy in another tenant's store "
          + kit().otherStore() + " (totals are array-wide)";
      if (virtualTotal) {
        checkEqual(Rule.USAGE, other + ": usedVirtualCopiesTotal", mine.usedVirtualCopiesTotal() + 1,
            mineAfter.usedVirtualCopiesTotal());
      }
      if (containerTotal) {
        checkEqual(Rule.USAGE, other + ": usedContainersTotal", mine.usedContainersTotal() + 1,
            mineAfter.usedContainersTotal());
      }
    }
    if (virtualTotal) {
      usage(call + ": usedVirtualCopiesTotal", before.usedVirtualCopiesTotal(), after.usedVirtualCopiesTotal(),
          afterDelete.usedVirtualCopiesTotal());
    }
    if (containerTotal) {
      usage(call + ": usedContainersTotal", before.usedContainersTotal(), after.usedContainersTotal(),
          afterDelete.usedContainersTotal());
    }
  }

  private void usage(String call, int before, int after, int afterDelete) {
    if (kit().dedicated()) {
      checkEqual(Rule.USAGE, call, before + 1, after);
      checkEqual(Rule.USAGE, call + ", then after deleting it", before, afterDelete);
    } else {
      check(after >= 1, Rule.USAGE, call, "at least the kit's own copy", () -> String.valueOf(after));
    }
  }

  @Test
  @DisplayName("Limits: exhausted capacity is refused and leaves nothing half-made")
  void exhaustedCapacityIsRefusedAndLeavesNothingHalfMade() {
    ArrayCapabilities caps = kit().capabilities();
    assumeTrue(kit().dedicated(), "the array is the kit's alone (this check fills half the capacity)");
    assumeTrue(caps.totalCapacityBytes() < Long.MAX_VALUE, "the adapter declares a finite capacity");
    assumeTrue(caps.copyCosts().physicalCopyPercent() == 100, "a physical copy costs its source's size");
    long free = caps.freeCapacityBytes();
    long size = (free / 2 + MIB) / MIB * MIB;
    assumeTrue(size <= free, "an origin of more than half the free capacity fits");
    Container big = kit().origin(kit().store(), kit().name("o"), OTHER_CONTENT, OTHER_GROUP, size);
    long afterOrigin = kit().capabilities().freeCapacityBytes();
    assumeTrue(afterOrigin < size, "the origin's capacity is reserved, so a copy of it cannot fit");
    Set<ContainerId> before = ids(kit().inventory());

    kit().fail(Rule.CAPACITY, "createPhysicalCopy of " + big.id() + " (" + size + " bytes, " + afterOrigin + " free)",
        InsufficientCapacityException.class,
        () -> kit().adapter().createPhysicalCopy(kit().store(), big.id(), kit().name("r"), Labels.empty()));

    checkEqual(Rule.CAPACITY, "inventory() after the refused create", before, ids(kit().inventory()));
    checkEqual(Rule.CAPACITY, "free capacity after the refused create", afterOrigin, kit().capabilities().freeCapacityBytes());
  }

  @Test
  @DisplayName("Limits: a physical copy reserves what it costs when it starts")
  void physicalCopyReservesWhatItCostsWhenItStarts() {
    ArrayCapabilities caps = kit().capabilities();
    assumeTrue(kit().dedicated(), "the array is the kit's alone (free capacity is read twice)");
    assumeTrue(caps.totalCapacityBytes() < Long.MAX_VALUE, "the adapter declares a finite capacity");
    Container origin = kit().origin(kit().name("o"));
    long freeBefore = kit().capabilities().freeCapacityBytes();
    long cost = caps.copyCosts().physicalCopyBytes(origin.sizeBytes());

    CompletionStage<Container> pending =
        kit().adapter().createPhysicalCopy(kit().store(), origin.id(), kit().name("r"), Labels.empty());
    long whileCopying = kit().capabilities().freeCapacityBytes();
    kit().madeBy(kit().await(pending));

    check(whileCopying <= freeBefore - cost, Rule.RESERVE,
        "capabilities() right after createPhysicalCopy of a " + origin.sizeBytes() + "-byte master",
        "free capacity at most " + (freeBefore - cost), () -> String.valueOf(whileCopying));
  }

  /** Makes {@code count} virtual copies, on as many origins as the per-source limit needs. */
  private List<Container> fillVirtualCopies(ArrayCapabilities caps, int count) {
    return fillVirtualCopies(caps, count, kit().origin(kit().name("o")));
  }

  /** Makes {@code count} virtual copies from {@code first}, then from more origins as needed. */
  private List<Container> fillVirtualCopies(ArrayCapabilities caps, int count, Container first) {
    int perSource = ArrayCapabilities.isLimited(caps.maxVirtualCopiesPerSource())
        ? caps.maxVirtualCopiesPerSource() : Integer.MAX_VALUE;
    List<Container> clones = new ArrayList<>();
    Container source = first;
    int onSource = 0;
    for (int i = 0; i < count; i++) {
      if (onSource == perSource) {
        source = kit().origin(kit().name("o"));
        onSource = 0;
      }
      clones.add(kit().virtualCopy(source.id(), kit().name("v")));
      onSource++;
    }
    return clones;
  }
}
