package dev.goldcopy.spi.kit;

import static dev.goldcopy.spi.kit.KitSession.checkEqual;
import static dev.goldcopy.spi.kit.KitSession.ids;

import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Labels;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Same name, same request: one container. Same name, other request: a conflict. */
abstract class IdempotenceChecks extends LabelChecks {

  IdempotenceChecks() {}

  @Test
  @DisplayName("Idempotence: the same virtual copy requested twice gives one container")
  void sameVirtualCopyRequestedTwiceGivesOneContainer() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("v");

    Container first = kit().virtualCopy(origin.id(), name);
    Container second = kit().virtualCopy(origin.id(), name);

    checkEqual(Rule.IDEMPOTENT, "createVirtualCopy(" + origin.id() + ", " + name + ") twice", first.id(), second.id());
    checkEqual(Rule.IDEMPOTENT, "containers named " + name, 1L, countNamed(name));
  }

  @Test
  @DisplayName("Idempotence: the same physical copy requested twice gives one container")
  void samePhysicalCopyRequestedTwiceGivesOneContainer() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("r");

    Container first = kit().physicalCopy(origin.id(), name);
    Container second = kit().physicalCopy(origin.id(), name);

    checkEqual(Rule.IDEMPOTENT, "createPhysicalCopy(" + origin.id() + ", " + name + ") twice", first.id(), second.id());
    checkEqual(Rule.IDEMPOTENT, "containers named " + name, 1L, countNamed(name));
  }

  @Test
  @DisplayName("Idempotence: a physical copy requested again while copying gives one container")
  void physicalCopyRequestedAgainWhileCopyingGivesOneContainer() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("r");
    String call = "createPhysicalCopy(" + origin.id() + ", " + name + ") twice without waiting";

    CompletionStage<Container> first =
        kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty());
    CompletionStage<Container> second =
        kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty());
    Container a = kit().succeed(Rule.IDEMPOTENT, call + ": the first", () -> first);
    Container b = kit().succeed(Rule.IDEMPOTENT, call + ": the second", () -> second);
    kit().madeBy(a);
    kit().madeBy(b);

    checkEqual(Rule.IDEMPOTENT, call, a.id(), b.id());
    checkEqual(Rule.IDEMPOTENT, call + ": the second's state", a.state(), b.state());
    checkEqual(Rule.IDEMPOTENT, "containers named " + name, 1L, countNamed(name));
  }

  @Test
  @DisplayName("Idempotence: the same name with another source conflicts")
  void sameNameWithAnotherSourceConflicts() {
    Container origin = kit().origin(kit().name("o"));
    Container other = kit().origin(kit().name("o"));
    String cloneName = kit().name("v");
    String replicaName = kit().name("r");
    kit().virtualCopy(origin.id(), cloneName);
    kit().physicalCopy(origin.id(), replicaName);
    Set<ContainerId> before = ids(kit().inventory());

    kit().fail(Rule.CONFLICT, "createVirtualCopy(" + other.id() + ", " + cloneName + "), taken by a copy of " + origin.id(),
        ConflictException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), other.id(), cloneName, Labels.empty()));
    kit().fail(Rule.CONFLICT, "createPhysicalCopy(" + other.id() + ", " + replicaName + "), taken by a copy of " + origin.id(),
        ConflictException.class,
        () -> kit().adapter().createPhysicalCopy(kit().store(), other.id(), replicaName, Labels.empty()));

    checkEqual(Rule.CONFLICT, "inventory() after the refused creates", before, ids(kit().inventory()));
  }

  @Test
  @DisplayName("Idempotence: the same name with another kind conflicts")
  void sameNameWithAnotherKindConflicts() {
    Container origin = kit().origin(kit().name("o"));
    String cloneName = kit().name("v");
    String replicaName = kit().name("r");
    kit().virtualCopy(origin.id(), cloneName);
    kit().physicalCopy(origin.id(), replicaName);
    Set<ContainerId> before = ids(kit().inventory());

    kit().fail(Rule.CONFLICT, "createPhysicalCopy(" + origin.id() + ", " + cloneName + "), a virtual copy's name",
        ConflictException.class,
        () -> kit().adapter().createPhysicalCopy(kit().store(), origin.id(), cloneName, Labels.empty()));
    kit().fail(Rule.CONFLICT, "createVirtualCopy(" + origin.id() + ", " + replicaName + "), a physical copy's name",
        ConflictException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), replicaName, Labels.empty()));
    kit().fail(Rule.CONFLICT, "createVirtualCopy(" + origin.id() + ", " + origin.name() + "), the origin's own name",
        ConflictException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), origin.name(), Labels.empty()));

    checkEqual(Rule.CONFLICT, "inventory() after the refused creates", before, ids(kit().inventory()));
  }

  @Test
  @DisplayName("Idempotence: a physical copy of a virtual copy conflicts")
  void physicalCopyOfAVirtualCopyConflicts() {
    Container origin = kit().origin(kit().name("o"));
    Container clone = kit().virtualCopy(origin.id(), kit().name("v"));
    Set<ContainerId> before = ids(kit().inventory());
    String name = kit().name("r");

    kit().fail(Rule.CONFLICT, "createPhysicalCopy(" + clone.id() + ", " + name + ") of a virtual copy",
        ConflictException.class,
        () -> kit().adapter().createPhysicalCopy(kit().store(), clone.id(), name, Labels.empty()));

    checkEqual(Rule.CONFLICT, "inventory() after the refused create", before, ids(kit().inventory()));
  }

  @Test
  @DisplayName("Idempotence: a deleted container's name is free at once")
  void aDeletedContainersNameIsFreeAtOnce() {
    Container origin = kit().origin(kit().name("o"));
    Container other = kit().origin(kit().name("o"));
    String cloneName = kit().name("v");
    String replicaName = kit().name("r");
    Container clone = kit().virtualCopy(origin.id(), cloneName);
    Container replica = kit().physicalCopy(origin.id(), replicaName);
    kit().delete(clone.id());
    kit().delete(replica.id());

    Container newClone = kit().succeed(Rule.NAME_FREED,
        "createVirtualCopy(" + other.id() + ", " + cloneName + ") right after deleting " + clone.id(),
        () -> kit().adapter().createVirtualCopy(kit().store(), other.id(), cloneName, Labels.empty()));
    kit().madeBy(newClone);
    Container newReplica = kit().succeed(Rule.NAME_FREED,
        "createPhysicalCopy(" + other.id() + ", " + replicaName + ") right after deleting " + replica.id(),
        () -> kit().adapter().createPhysicalCopy(kit().store(), other.id(), replicaName, Labels.empty()));
    kit().madeBy(newReplica);

    checkEqual(Rule.NAME_FREED, "the new " + cloneName + ": source", other.id(), newClone.source());
    checkEqual(Rule.NAME_FREED, "the new " + replicaName + ": source", other.id(), newReplica.source());
  }

  @Test
  @DisplayName("Idempotence: names equal but for case are one name where the array ignores case")
  void namesEqualButForCaseAreOneNameWhereTheArrayIgnoresCase() {
    dev.goldcopy.spi.NameRules rules = kit().capabilities().nameRules();
    org.junit.jupiter.api.Assumptions.assumeTrue(!rules.caseSensitive(), "the array ignores case in names");
    Container origin = kit().origin(kit().name("o"));
    Container other = kit().origin(kit().name("o"));
    String name = kit().name("v");
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    org.junit.jupiter.api.Assumptions.assumeTrue(!upper.equals(name) && rules.allows(upper), "the name has letters");
    Container first = kit().virtualCopy(origin.id(), name);

    Container again = kit().succeed(Rule.IDEMPOTENT, "createVirtualCopy(" + origin.id() + ", " + upper + ") after "
        + name + " on an array that ignores case", () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), upper, Labels.empty()));
    kit().madeBy(again);
    kit().fail(Rule.CONFLICT, "createVirtualCopy(" + other.id() + ", " + upper + "), taken by " + name + " but for case",
        ConflictException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), other.id(), upper, Labels.empty()));

    checkEqual(Rule.IDEMPOTENT, "the same name but for case: id", first.id(), again.id());
  }

  private long countNamed(String name) {
    return kit().inventory().containers().stream().filter(c -> c.name().equals(name)).count();
  }
}
