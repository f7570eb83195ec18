package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;


import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The simulated array's answers to the SPI's calls: each call is begun, its faults drawn, its
 * limits checked by {@link Admission}, and the container it makes handed to {@link CopyProgress}.
 * Not thread-safe: {@link SimulatedArray} guards it.
 */
final class SpiCalls {
  private final VendorProfile profile;
  private final ArrayCapabilities declared;
  private final SimInventory inventory;
  private final Admission admission;
  private final Answers answers;
  private final FaultInjector faults;
  private final CopyProgress progress;
  private final long deleteNanos;

  SpiCalls(
      VendorProfile profile,
      SimInventory inventory,
      Answers answers,
      FaultInjector faults,
      CopyProgress progress) {
    this.profile = profile;
    this.declared = profile.capabilities();
    this.inventory = inventory;
    this.admission = new Admission(declared, inventory, faults.busyRetryAfter());
    this.answers = answers;
    this.faults = faults;
    this.progress = progress;
    this.deleteNanos = profile.latency().deleteLatency().toNanos();
  }

  Admission admission() {
    return admission;
  }

  CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    PendingCall<ArrayCapabilities> call = answers.begin(Operation.CAPABILITIES, store, null, null);
    SimStore s = inventory.owned(store);
    if (s == null) {
      return answers.refuse(call, Admission.storeDenied(store));
    }
    if (faults.injectReadFault(call)) {
      return Answers.stage(call);
    }
    answers.answerAfter(call, answers.responseNanos(), report(s), null);
    return Answers.stage(call);
  }

  CompletionStage<Inventory> inventory(StoreRef store) {
    PendingCall<Inventory> call = answers.begin(Operation.INVENTORY, store, null, null);
    SimStore s = inventory.owned(store);
    if (s == null) {
      return answers.refuse(call, Admission.storeDenied(store));
    }
    if (faults.injectReadFault(call)) {
      return Answers.stage(call);
    }
    answers.answerAfter(call, answers.responseNanos(), listed(s), null);
    return Answers.stage(call);
  }

  /** What the store holds now, in creation order. */
  static Inventory listed(SimStore s) {
    List<Container> listed = new ArrayList<>(s.byName.size());
    for (SimContainer c : s.byName.inOrder()) {
      listed.add(c.view());
    }
    return new Inventory(s.ref, listed);
  }

  /** What the store reports now. */
  ArrayCapabilities report(SimStore s) {
    return profile.report(
        s.capacityBytes, s.freeBytes(), inventory.virtualCopiesTotal, inventory.containersTotal);
  }

  CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    PendingCall<Container> call =
        answers.begin(Operation.CREATE_PHYSICAL_COPY, store, source, name);
    CompletionStage<Container> early =
        answeredBeforeAdmission(call, store, name, ContainerKind.PHYSICAL_MASTER, source);
    if (early != null) {
      return early;
    }
    SimStore s = requireNonNull(inventory.owned(store), "checked store");
    SimContainer src = requireNonNull(inventory.containers.get(source), "checked source");
    ArrayException refused = admission.physicalCopy(store, s, src);
    if (refused != null) {
      return answers.refuse(call, refused);
    }
    faults.drawAnswerFaults(call);
    double bytes = src.sizeBytes();
    boolean incomplete = faults.drawIncompleteCopy();
    if (incomplete) {
      bytes *= faults.drawIncompleteFraction();
    }
    long cost = declared.copyCosts().physicalCopyBytes(src.sizeBytes());
    SimContainer replica =
        new SimContainer(
            inventory.nextId(), name, ContainerKind.PHYSICAL_MASTER, src.content(), src.group(), src.id(),
            null, s, src.sizeBytes(), cost, 0, ContainerState.COPYING, labels);
    inventory.add(replica);
    inventory.physicalCopyAdded(src);
    call.result = replica.id();
    replica.addWaiter(call);
    progress.startPhysical(replica, src, bytes, incomplete);
    return Answers.stage(call);
  }

  /**
   * What both creates answer before the limits are checked, in the array's order: a store the
   * tenant does not own, a busy answer drawn from the faults, a name already taken (the same
   * request joined, or a conflict), a source that does not exist. Null when the create goes on.
   */
  private @Nullable CompletionStage<Container> answeredBeforeAdmission(
      PendingCall<Container> call, StoreRef store, String name, ContainerKind kind,
      ContainerId source) {
    SimStore s = inventory.owned(store);
    if (s == null) {
      return answers.refuse(call, Admission.storeDenied(store));
    }
    if (faults.injectBusy(call)) {
      return Answers.stage(call);
    }
    SimContainer existing = inventory.named(s, name);
    if (existing != null) {
      return joinExisting(call, existing, kind, source);
    }
    if (inventory.containers.get(source) == null) {
      return answers.refuse(call, Admission.notFound(store, source));
    }
    return null;
  }

  CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    PendingCall<Container> call = answers.begin(Operation.CREATE_VIRTUAL_COPY, store, source, name);
    CompletionStage<Container> early =
        answeredBeforeAdmission(call, store, name, ContainerKind.VIRTUAL_COPY, source);
    if (early != null) {
      return early;
    }
    SimStore s = requireNonNull(inventory.owned(store), "checked store");
    SimContainer src = requireNonNull(inventory.containers.get(source), "checked source");
    ArrayException refused = admission.virtualCopy(store, s, src);
    if (refused != null) {
      return answers.refuse(call, refused);
    }
    faults.drawAnswerFaults(call);
    long growth = declared.copyCosts().virtualCopyBytes();
    SimContainer clone =
        new SimContainer(
            inventory.nextId(), name, ContainerKind.VIRTUAL_COPY, src.content(), null, src.id(), src,
            s, src.sizeBytes(), growth, src.depth() + 1, ContainerState.COPYING, labels);
    inventory.add(clone);
    inventory.virtualCopyAdded(src);
    call.result = clone.id();
    clone.addWaiter(call);
    progress.startVirtual(clone);
    return Answers.stage(call);
  }

  CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    PendingCall<Void> call = answers.begin(Operation.DELETE, store, container, null);
    SimStore s = inventory.owned(store);
    if (s == null) {
      return answers.refuse(call, Admission.storeDenied(store));
    }
    if (faults.injectBusy(call)) {
      return Answers.stage(call);
    }
    SimContainer c = inventory.containers.get(container);
    if (c == null) {
      faults.drawAnswerFaults(call);
      answers.answerAfter(call, answers.responseNanos(), null, null);
      return Answers.stage(call);
    }
    ArrayException refused = admission.delete(store, s, c);
    if (refused != null) {
      return answers.refuse(call, refused);
    }
    faults.drawAnswerFaults(call);
    progress.remove(c);
    answers.answerAfter(call, deleteNanos, null, null);
    return Answers.stage(call);
  }

  /** Answers a create whose name is taken: the same container if it is the same create. */
  private CompletionStage<Container> joinExisting(
      PendingCall<Container> call, SimContainer existing, ContainerKind kind, ContainerId source) {
    if (existing.kind() != kind || !source.equals(existing.source())) {
      return answers.refuse(
          call,
          new ConflictException(
              "name " + existing.name() + " is taken in " + existing.store.ref + " by " + existing.id()
                  + ", a " + existing.kind()
                  + (existing.source() == null ? "" : " of " + existing.source())));
    }
    faults.drawAnswerFaults(call);
    call.result = existing.id();
    switch (existing.state()) {
      case READY -> answers.answerAfter(call, answers.responseNanos(), existing.view(), null);
      case COPYING -> existing.addWaiter(call);
      case FAILED ->
          answers.answerAfter(
              call,
              answers.responseNanos(),
              null,
              new CopyFailedException(
                  existing.id(), existing.id() + " failed; delete it before creating it again"));
    }
    return Answers.stage(call);
  }

  /** Checks a name against the profile's rules, at once. */
  void checkName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    declared.nameRules().check("name", name);
  }
}
