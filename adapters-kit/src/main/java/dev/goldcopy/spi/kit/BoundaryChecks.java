package dev.goldcopy.spi.kit;

import static dev.goldcopy.spi.kit.KitSession.CONTENT;
import static dev.goldcopy.spi.kit.KitSession.GROUP;
import static dev.goldcopy.spi.kit.KitSession.ORIGIN_SIZE;
import static dev.goldcopy.spi.kit.KitSession.check;
import static dev.goldcopy.spi.kit.KitSession.checkEqual;
import static dev.goldcopy.spi.kit.KitSession.ids;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.StoreRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tenancy, names and arguments: what the adapter refuses, and how. */
abstract class BoundaryChecks extends ConcurrencyChecks {

  BoundaryChecks() {}

  @Test
  @DisplayName("Boundaries: another tenant's store is refused")
  void anotherTenantsStoreIsRefused() {
    StoreRef foreign = new StoreRef(kit().store().tenant(), kit().otherStore().store());
    Container theirs = kit().origin(kit().otherStore(), kit().name("o"), CONTENT, GROUP, ORIGIN_SIZE);
    Set<ContainerId> theirsBefore = ids(kit().inventory(kit().otherStore()));
    String as = " as tenant " + foreign.tenant() + " on " + foreign.store();

    kit().fail(Rule.TENANCY_STORE, "capabilities" + as, AccessDeniedException.class, () -> kit().adapter().capabilities(foreign));
    kit().fail(Rule.TENANCY_STORE, "inventory" + as, AccessDeniedException.class, () -> kit().adapter().inventory(foreign));
    kit().fail(Rule.TENANCY_STORE, "createVirtualCopy" + as, AccessDeniedException.class,
        () -> kit().adapter().createVirtualCopy(foreign, theirs.id(), kit().name("v"), Labels.empty()));
    kit().fail(Rule.TENANCY_STORE, "createPhysicalCopy" + as, AccessDeniedException.class,
        () -> kit().adapter().createPhysicalCopy(foreign, theirs.id(), kit().name("r"), Labels.empty()));
    kit().fail(Rule.TENANCY_STORE, "delete" + as, AccessDeniedException.class, () -> kit().adapter().delete(foreign, theirs.id()));

    checkEqual(Rule.TENANCY_STORE, "inventory(" + kit().otherStore() + ") afterwards", theirsBefore,
        ids(kit().inventory(kit().otherStore())));
  }

  @Test
  @DisplayName("Boundaries: another tenant's container is refused or hidden, and never changed")
  void anotherTenantsContainerIsRefusedOrHidden() {
    Container theirs = kit().origin(kit().otherStore(), kit().name("o"), CONTENT, GROUP, ORIGIN_SIZE);
    Set<ContainerId> ownBefore = ids(kit().inventory());
    Set<ContainerId> theirsBefore = ids(kit().inventory(kit().otherStore()));
    String of = " of " + theirs.id() + " (" + kit().otherStore() + ") from " + kit().store();

    kit().failOneOf(Rule.TENANCY_CONTAINER, "createVirtualCopy" + of,
        () -> kit().adapter().createVirtualCopy(kit().store(), theirs.id(), kit().name("v"), Labels.empty()),
        AccessDeniedException.class, ContainerNotFoundException.class);
    kit().failOneOf(Rule.TENANCY_CONTAINER, "createPhysicalCopy" + of,
        () -> kit().adapter().createPhysicalCopy(kit().store(), theirs.id(), kit().name("r"), Labels.empty()),
        AccessDeniedException.class, ContainerNotFoundException.class);
    try {
      kit().await(kit().adapter().delete(kit().store(), theirs.id()));
    } catch (ArrayException e) {
      check(e instanceof AccessDeniedException, Rule.TENANCY_CONTAINER, "delete" + of,
          "AccessDeniedException, or success without effect", () -> Violation.describe(e));
    }

    checkEqual(Rule.TENANCY_CONTAINER, "inventory(" + kit().store() + ") afterwards", ownBefore, ids(kit().inventory()));
    checkEqual(Rule.TENANCY_CONTAINER, "inventory(" + kit().otherStore() + ") afterwards", theirsBefore,
        ids(kit().inventory(kit().otherStore())));
    checkEqual(Rule.TENANCY_CONTAINER, theirs.id() + "'s state afterwards", ContainerState.READY,
        kit().inventory(kit().otherStore()).find(theirs.id()).map(Container::state).orElse(null));
  }

  @Test
  @DisplayName("Boundaries: names of the maximum length in bytes work, twice")
  void namesOfTheMaximumLengthWork() {
    NameRules rules = kit().capabilities().nameRules();
    Container origin = kit().origin(kit().name("o"));
    String cloneName = padded(rules, kit().name("v"));
    String replicaName = padded(rules, kit().name("r"));

    Container clone = kit().virtualCopy(origin.id(), cloneName);
    Container replica = kit().physicalCopy(origin.id(), replicaName);
    Container cloneAgain = kit().virtualCopy(origin.id(), cloneName);
    Container replicaAgain = kit().physicalCopy(origin.id(), replicaName);

    checkEqual(Rule.MAX_NAME, "createVirtualCopy with a " + rules.maxLengthBytes() + "-byte name: name", cloneName, clone.name());
    checkEqual(Rule.MAX_NAME, "createPhysicalCopy with a " + rules.maxLengthBytes() + "-byte name: name", replicaName, replica.name());
    checkEqual(Rule.MAX_NAME, "the same virtual copy again", clone.id(), cloneAgain.id());
    checkEqual(Rule.MAX_NAME, "the same physical copy again", replica.id(), replicaAgain.id());
  }

  @Test
  @DisplayName("Boundaries: names that break the rules are refused at once")
  void namesThatBreakTheRulesAreRefusedAtOnce() {
    NameRules rules = kit().capabilities().nameRules();
    Container origin = kit().origin(kit().name("o"));
    Set<ContainerId> before = ids(kit().inventory());
    List<String> bad = new ArrayList<>();
    String base = kit().name("x");
    bad.add(base + "x".repeat(rules.maxLengthBytes() + 1 - base.length()));
    // No more characters than the limit, but more bytes: an adapter counting characters lets it by.
    int room = rules.maxLengthBytes() - base.length();
    int twoByte = room / 2 + 1;
    if (twoByte <= room) {
      bad.add(base + "é".repeat(twoByte));
    }
    for (String candidate : List.of(base + "/x", ".." + base, base + "\u202Ex", " " + base)) {
      if (!rules.allows(candidate)) {
        bad.add(candidate);
      }
    }

    for (String name : bad) {
      expectIllegal("createVirtualCopy(" + origin.id() + ", '" + name + "')",
          () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), name, Labels.empty()));
      expectIllegal("createPhysicalCopy(" + origin.id() + ", '" + name + "')",
          () -> kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty()));
    }
    checkEqual(Rule.NAME_RULES, "inventory() after the refused creates", before, ids(kit().inventory()));
  }

  @Test
  @DisplayName("Boundaries: null arguments are refused at once")
  @SuppressWarnings("NullAway") // passes nulls on purpose
  void nullArgumentsAreRefusedAtOnce() {
    Container origin = kit().origin(kit().name("o"));
    @Nullable String noName = null;
    @Nullable ContainerId noId = null;
    @Nullable StoreRef noStore = null;
    @Nullable Labels noLabels = null;

    expectNull("createVirtualCopy with a null name",
        () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), noName, Labels.empty()));
    expectNull("createPhysicalCopy with a null source",
        () -> kit().adapter().createPhysicalCopy(kit().store(), noId, kit().name("r"), Labels.empty()));
    expectNull("createVirtualCopy with null labels",
        () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), kit().name("v"), noLabels));
    expectNull("delete with a null store", () -> kit().adapter().delete(noStore, origin.id()));
    expectNull("inventory with a null store", () -> kit().adapter().inventory(noStore));
    expectNull("capabilities with a null store", () -> kit().adapter().capabilities(noStore));
  }

  private static void expectIllegal(String call, Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      return;
    } catch (RuntimeException e) {
      throw Violation.of(Rule.NAME_RULES, call, "IllegalArgumentException thrown by the call", e);
    }
    throw Violation.of(Rule.NAME_RULES, call, "IllegalArgumentException thrown by the call", "the call returned a stage");
  }

  private static void expectNull(String call, Runnable action) {
    try {
      action.run();
    } catch (NullPointerException e) {
      return;
    } catch (RuntimeException e) {
      throw Violation.of(Rule.NULLS, call, "NullPointerException thrown by the call", e);
    }
    throw Violation.of(Rule.NULLS, call, "NullPointerException thrown by the call", "the call returned a stage");
  }

  /** Pads {@code name} to exactly the maximum length in bytes with a character the rules allow. */
  private static String padded(NameRules rules, String name) {
    int room = rules.maxLengthBytes() - name.getBytes(StandardCharsets.UTF_8).length;
    if (room < 0) {
      throw new IllegalStateException("the kit's names are longer than the array's maximum " + rules.maxLengthBytes());
    }
    for (char fill : new char[] {'x', 'X', '0', '_'}) {
      String candidate = name + String.valueOf(fill).repeat(room);
      if (rules.allows(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no padding character the name rules allow: " + rules);
  }
}
