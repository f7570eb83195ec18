package dev.goldcopy.spi.kit;

import static dev.goldcopy.spi.kit.KitSession.check;
import static dev.goldcopy.spi.kit.KitSession.checkEqual;
import static dev.goldcopy.spi.kit.KitSession.ids;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.Labels;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deleting: missing containers, dependents, copies in progress, failed copies. */
abstract class DeletionChecks extends IdempotenceChecks {

  DeletionChecks() {}

  @Test
  @DisplayName("Deletion: deleting a missing container succeeds")
  void deletingAMissingContainerSucceeds() {
    Container origin = kit().origin(kit().name("o"));
    Container clone = kit().virtualCopy(origin.id(), kit().name("v"));
    kit().delete(clone.id());

    kit().delete(clone.id());

    check(kit().inventory().find(clone.id()).isEmpty(), Rule.DELETE_MISSING, "delete(" + clone.id() + ") twice",
        "it stays gone", () -> "it is listed");
  }

  @Test
  @DisplayName("Deletion: a master with virtual copies cannot be deleted until they are gone")
  void masterWithVirtualCopiesCannotBeDeletedUntilTheyAreGone() {
    Container origin = kit().origin(kit().name("o"));
    Container first = kit().virtualCopy(origin.id(), kit().name("v"));
    Container second = kit().virtualCopy(origin.id(), kit().name("v"));
    String call = "delete(" + origin.id() + ") while it is the source of ";

    kit().fail(Rule.DEPENDENTS, call + "2 virtual copies", ConflictException.class,
        () -> kit().adapter().delete(kit().store(), origin.id()));
    check(kit().inventory().find(origin.id()).isPresent(), Rule.DEPENDENTS, call + "2 virtual copies",
        "the master stays", () -> "it is gone");
    kit().delete(first.id());
    kit().fail(Rule.DEPENDENTS, call + "1 virtual copy", ConflictException.class,
        () -> kit().adapter().delete(kit().store(), origin.id()));
    kit().delete(second.id());
    kit().succeed(Rule.DEPENDENTS, "delete(" + origin.id() + ") once its last virtual copy is gone",
        () -> kit().adapter().delete(kit().store(), origin.id()));

    check(kit().inventory().find(origin.id()).isEmpty(), Rule.DEPENDENTS, "delete(" + origin.id() + ")",
        "the master is gone", () -> "it is listed");
  }

  @Test
  @DisplayName("Deletion: a copy of a missing source is not found")
  void missingSourceIsNotFound() {
    Container origin = kit().origin(kit().name("o"));
    Container gone = kit().virtualCopy(origin.id(), kit().name("v"));
    Container goneMaster = kit().physicalCopy(origin.id(), kit().name("r"));
    kit().delete(gone.id());
    kit().delete(goneMaster.id());
    Set<ContainerId> before = ids(kit().inventory());

    kit().fail(Rule.NOT_FOUND, "createVirtualCopy of deleted master " + goneMaster.id(), ContainerNotFoundException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), goneMaster.id(), kit().name("v"), Labels.empty()));
    kit().fail(Rule.NOT_FOUND, "createPhysicalCopy of deleted master " + goneMaster.id(), ContainerNotFoundException.class,
        () -> kit().adapter().createPhysicalCopy(kit().store(), goneMaster.id(), kit().name("r"), Labels.empty()));
    kit().fail(Rule.NOT_FOUND, "createVirtualCopy of deleted virtual copy " + gone.id(), ContainerNotFoundException.class,
        () -> kit().adapter().createVirtualCopy(kit().store(), gone.id(), kit().name("v"), Labels.empty()));

    checkEqual(Rule.NOT_FOUND, "inventory() after the refused creates", before, ids(kit().inventory()));
  }

  @Test
  @DisplayName("Deletion: the source of a running physical copy cannot be deleted")
  void sourceOfARunningCopyCannotBeDeleted() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("r");
    CompletionStage<Container> copy =
        kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty());
    String call = "delete(" + origin.id() + ") while " + name + " copies it";

    Optional<ArrayException> refused = outcome(kit().adapter().delete(kit().store(), origin.id()));

    if (refused.isPresent()) {
      check(refused.get() instanceof ConflictException, Rule.RUNNING_SOURCE, call,
          "ConflictException, or success once the copy has finished",
          () -> Violation.describe(refused.get()));
    }
    Container replica = kit().succeed(Rule.RUNNING_SOURCE, "the copy " + name + " after " + call, () -> copy);
    kit().madeBy(replica);
    checkEqual(Rule.RUNNING_SOURCE, "the copy " + name + " after " + call, ContainerState.READY, replica.state());
  }

  @Test
  @DisplayName("Deletion: deleting a running copy aborts it and releases its waiters")
  void deletingARunningCopyAbortsItAndReleasesItsWaiters() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("r");
    CompletionStage<Container> copy =
        kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty());
    Optional<Container> listed = kit().inventory().findByName(name);
    assumeTrue(listed.isPresent() && listed.get().state() == ContainerState.COPYING,
        "the copy is still in progress when the kit looks (copies on this array take time)");
    CompletionStage<Container> waiter =
        kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty());
    ContainerId id = listed.get().id();

    kit().succeed(Rule.ABORT, "delete(" + id + ") while it copies", () -> kit().adapter().delete(kit().store(), id));

    kit().fail(Rule.ABORT, "the stage of createPhysicalCopy(" + origin.id() + ", " + name + ") after the delete",
        CopyAbortedException.class, () -> copy);
    kit().fail(Rule.ABORT, "the stage of the same-name create that waited for it", CopyAbortedException.class,
        () -> waiter);
    check(kit().inventory().findByName(name).isEmpty(), Rule.ABORT, "inventory() after the abort",
        "no " + name, () -> "it is listed");
  }

  @Test
  @DisplayName("Deletion: a failed copy is listed FAILED, reported, and can be deleted")
  void failedCopyIsListedFailedAndCanBeDeleted() {
    Container origin = kit().origin(kit().name("o"));
    long freeBefore = kit().capabilities().freeCapacityBytes();
    assumeTrue(kit().fixture().failPhysicalCopies(true), "the fixture can make copies fail");
    String name = kit().name("r");
    CopyFailedException failed;
    try {
      failed = kit().fail(Rule.COPY_FAILED, "createPhysicalCopy(" + origin.id() + ", " + name + ") that fails",
          CopyFailedException.class,
          () -> kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty()));
    } finally {
      kit().fixture().failPhysicalCopies(false);
    }
    Optional<Container> listed = kit().inventory().findByName(name);

    check(listed.isPresent() && listed.get().state() == ContainerState.FAILED, Rule.COPY_FAILED,
        "inventory() after the failed copy", name + " listed FAILED", () -> String.valueOf(listed));
    checkEqual(Rule.COPY_FAILED, "CopyFailedException.container()", listed.get().id(), failed.container());
    kit().fail(Rule.COPY_FAILED, "createPhysicalCopy(" + origin.id() + ", " + name + ") again while it is FAILED",
        CopyFailedException.class,
        () -> kit().adapter().createPhysicalCopy(kit().store(), origin.id(), name, Labels.empty()));
    kit().delete(failed.container());
    if (kit().dedicated()) {
      checkEqual(Rule.COPY_FAILED, "free capacity after deleting the failed copy", freeBefore,
          kit().capabilities().freeCapacityBytes());
    }
  }

  private Optional<ArrayException> outcome(CompletionStage<?> stage) {
    try {
      kit().await(stage);
      return Optional.empty();
    } catch (ArrayException e) {
      return Optional.of(e);
    }
  }
}
