package dev.goldcopy.spi.kit;

import static dev.goldcopy.spi.kit.KitSession.CONTENT;
import static dev.goldcopy.spi.kit.KitSession.GROUP;
import static dev.goldcopy.spi.kit.KitSession.check;
import static dev.goldcopy.spi.kit.KitSession.checkEqual;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Creating, listing and deleting both kinds of copy; the whole lifecycle, repeated. */
abstract class CreationChecks extends KitChecks {
  private static final int LIFECYCLE_REPETITIONS = 10;

  CreationChecks() {}

  @Test
  @DisplayName("Creation: capabilities and inventory answer for the own store")
  void capabilitiesAndInventoryAnswerForTheOwnStore() {
    ArrayCapabilities caps = kit().capabilities();
    check(
        caps.freeCapacityBytes() <= caps.totalCapacityBytes(),
        Rule.USAGE,
        "capabilities(" + kit().store() + ")",
        "free capacity at most the total",
        caps::toString);
    checkEqual(Rule.LISTED, "inventory(" + kit().store() + ").store()", kit().store(), kit().inventory().store());
  }

  @Test
  @DisplayName("Creation: a virtual copy is created, listed and deleted")
  void virtualCopyIsCreatedListedAndDeleted() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("v");

    Container clone = kit().virtualCopy(origin.id(), name);

    String call = "createVirtualCopy of " + origin.id() + " as " + name;
    checkEqual(Rule.LISTED, call + ": name", name, clone.name());
    checkEqual(Rule.LISTED, call + ": state", ContainerState.READY, clone.state());
    check(kit().inventory().find(clone.id()).isPresent(), Rule.LISTED, "inventory() after " + call,
        "lists " + clone.id(), () -> "it does not");
    kit().delete(clone.id());
    check(kit().inventory().findByName(name).isEmpty(), Rule.LISTED, "inventory() after delete of " + clone.id(),
        "does not list " + name, () -> "it does");
  }

  @Test
  @DisplayName("Creation: a physical copy is created, listed and deleted")
  void physicalCopyIsCreatedListedAndDeleted() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("r");

    Container replica = kit().physicalCopy(origin.id(), name);

    String call = "createPhysicalCopy of " + origin.id() + " as " + name;
    checkEqual(Rule.LISTED, call + ": name", name, replica.name());
    checkEqual(Rule.LISTED, call + ": state", ContainerState.READY, replica.state());
    check(kit().inventory().find(replica.id()).isPresent(), Rule.LISTED, "inventory() after " + call,
        "lists " + replica.id(), () -> "it does not");
    kit().delete(replica.id());
    check(kit().inventory().find(replica.id()).isEmpty(), Rule.LISTED, "inventory() after delete",
        "does not list " + replica.id(), () -> "it does");
  }

  @Test
  @DisplayName("Creation: a physical copy is listed as soon as it is accepted")
  void physicalCopyIsListedAsSoonAsItIsAccepted() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("r");

    CompletionStage<Container> pending =
        kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty());
    Optional<Container> listed = kit().inventory().findByName(name);
    Container replica = kit().await(pending);
    kit().madeBy(replica);

    String call = "inventory() right after createPhysicalCopy(" + origin.id() + ", " + name + ")";
    check(listed.isPresent(), Rule.LISTED_AT_ONCE, call, "lists " + name, () -> "it does not");
    Container seen = listed.orElseThrow();
    checkEqual(Rule.LISTED_AT_ONCE, call + ": id", replica.id(), seen.id());
    check(seen.state() != ContainerState.FAILED, Rule.LISTED_AT_ONCE, call, "COPYING or READY",
        () -> seen.state().toString());
  }

  @Test
  @DisplayName("Creation: inventory reports kind, group, content, source and state")
  void inventoryReportsKindGroupContentSourceAndState() {
    Container origin = kit().origin(kit().name("o"));
    Container replica = kit().physicalCopy(origin.id(), kit().name("r"));
    Container clone = kit().virtualCopy(replica.id(), kit().name("v"));
    Inventory inventory = kit().inventory();

    Container o = listed(inventory, origin);
    checkEqual(Rule.LISTED, "origin " + o.id() + ": kind", ContainerKind.PHYSICAL_MASTER, o.kind());
    check(o.isOrigin(), Rule.LISTED, "origin " + o.id(), "no source", () -> "source " + o.source());
    checkEqual(Rule.LISTED, "origin " + o.id() + ": group", GROUP, o.group());
    checkEqual(Rule.LISTED, "origin " + o.id() + ": content", CONTENT, o.content());

    Container r = listed(inventory, replica);
    String rc = "replica " + r.id() + " of " + origin.id();
    checkEqual(Rule.LISTED, rc + ": kind", ContainerKind.PHYSICAL_MASTER, r.kind());
    checkEqual(Rule.LISTED, rc + ": group", GROUP, r.group());
    checkEqual(Rule.LISTED, rc + ": content", CONTENT, r.content());
    checkEqual(Rule.LISTED, rc + ": source", origin.id(), r.source());
    checkEqual(Rule.LISTED, rc + ": size", origin.sizeBytes(), r.sizeBytes());
    checkEqual(Rule.LISTED, rc + ": state", ContainerState.READY, r.state());
    checkEqual(Rule.LISTED, rc + ": store", kit().store(), r.store());

    Container v = listed(inventory, clone);
    String vc = "virtual copy " + v.id() + " of " + replica.id();
    checkEqual(Rule.LISTED, vc + ": kind", ContainerKind.VIRTUAL_COPY, v.kind());
    check(v.group() == null, Rule.LISTED, vc, "no group", () -> "group " + v.group());
    checkEqual(Rule.LISTED, vc + ": content", CONTENT, v.content());
    checkEqual(Rule.LISTED, vc + ": source", replica.id(), v.source());
    checkEqual(Rule.LISTED, vc + ": state", ContainerState.READY, v.state());
    checkEqual(Rule.LISTED, vc + ": name", clone.name(), v.name());
  }

  @Test
  @DisplayName("Creation: a finished physical copy outlives its source")
  void finishedPhysicalCopyOutlivesItsSource() {
    Container origin = kit().origin(kit().name("o"));
    Container replica = kit().physicalCopy(origin.id(), kit().name("r"));

    kit().delete(origin.id());

    Optional<Container> listed = kit().inventory().find(replica.id());
    check(
        listed.isPresent() && listed.get().isReady(),
        Rule.LISTED,
        "delete(" + origin.id() + ") after its physical copy " + replica.id() + " finished",
        "the copy stays READY",
        () -> String.valueOf(listed));
  }

  @Test
  @DisplayName("Creation: inventory lists only what was made, and deleting it leaves nothing hidden")
  void inventoryListsOnlyWhatWasMade() {
    int before = kit().inventory().containers().size();
    Container origin = kit().origin(kit().name("o"));
    Container replica = kit().physicalCopy(origin.id(), kit().name("r"));
    List<Container> clones = new ArrayList<>();
    clones.add(kit().virtualCopy(origin.id(), kit().name("v")));
    clones.add(kit().virtualCopy(replica.id(), kit().name("v")));
    clones.add(kit().virtualCopy(replica.id(), kit().name("v")));

    int after = kit().inventory().containers().size();
    if (kit().dedicated()) {
      checkEqual(Rule.ONLY_WHAT_WAS_MADE, "inventory() after 1 origin, 1 physical and 3 virtual copies",
          before + 5, after);
    }
    for (Container c : clones) {
      kit().delete(c.id());
    }
    kit().delete(replica.id());
    kit().delete(origin.id());
    if (kit().dedicated()) {
      checkEqual(Rule.ONLY_WHAT_WAS_MADE, "inventory() after deleting them, clones first", before,
          kit().inventory().containers().size());
    }
  }

  @Test
  @DisplayName("Creation: the whole lifecycle, repeated, leaves nothing behind")
  void wholeLifecycleRepeatedLeavesNothingBehind() {
    ArrayCapabilities caps = kit().capabilities();
    int perMaster = caps.virtualCopiesSupported() ? 2 : 0;
    if (ArrayCapabilities.isLimited(caps.maxVirtualCopiesPerSource())) {
      perMaster = Math.min(perMaster, caps.maxVirtualCopiesPerSource());
    }
    perMaster = Math.min(perMaster, caps.remainingVirtualCopies() / 2);
    String origin = kit().name("lo");
    String replica = kit().name("lr");
    List<String> cloneNames = new ArrayList<>();
    for (int i = 0; i < 2 * perMaster; i++) {
      cloneNames.add(kit().name("lv"));
    }

    for (int round = 0; round < LIFECYCLE_REPETITIONS; round++) {
      int start = kit().inventory().containers().size();
      Container o = kit().origin(origin);
      Container r = kit().physicalCopy(o.id(), replica);
      List<Container> clones = new ArrayList<>();
      for (int i = 0; i < perMaster; i++) {
        clones.add(kit().virtualCopy(o.id(), cloneNames.get(2 * i)));
        clones.add(kit().virtualCopy(r.id(), cloneNames.get(2 * i + 1)));
      }
      for (Container c : clones) {
        kit().delete(c.id());
      }
      kit().delete(r.id());
      kit().delete(o.id());
      if (kit().dedicated()) {
        checkEqual(Rule.LIFECYCLE, "inventory() after round " + round + " with the same names",
            start, kit().inventory().containers().size());
      }
    }
  }

  private static Container listed(Inventory inventory, Container made) {
    return inventory.find(made.id()).orElseThrow(
        () -> Violation.of(Rule.LISTED, "inventory()", "lists " + made.id() + " (" + made.name() + ")",
            "it does not"));
  }
}
