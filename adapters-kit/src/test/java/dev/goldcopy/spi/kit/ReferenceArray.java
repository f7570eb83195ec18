package dev.goldcopy.spi.kit;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.LimitReachedException.Scope;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TransientArrayException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A small, correct array adapter with copies that take real time on a timer thread, written for
 * the kit's own tests; each {@link Bug} planted in its {@link ReferenceBackend} breaks one rule. It
 * clones from hidden snapshots, as Ceph RBD and NetApp do, and keeps deleted names in a trash only
 * when a bug says so.
 */
final class ReferenceArray implements ArrayAdapter {
  static final long COPY_MILLIS = 100;
  static final long CLONE_MILLIS = 20;

  private final ReferenceBackend backend;
  /** Labels kept here instead of on the array: the {@link Bug#LABELS_IN_ADAPTER_MEMORY} bug. */
  private final Map<ContainerId, Labels> labelsInMemory = new HashMap<>();
  /** Under the planted race: callers past the check and not yet copying, by source. */
  private final Map<ContainerId, Integer> pastTheCheck = new HashMap<>();

  ReferenceArray(ReferenceBackend backend) {
    this.backend = backend;
  }

  private boolean bug(Bug bug) {
    return backend.bugs.contains(bug);
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    requireNonNull(store, "store");
    synchronized (backend) {
      return answer(() -> {
        backend.checkTenancy(store);
        ArrayCapabilities.Builder b = backend.declared.toBuilder().freeCapacityBytes(backend.free(store));
        if (!bug(Bug.REPORTS_NO_USAGE)) {
          b.usedVirtualCopiesTotal(backend.virtualCopies(store)).usedContainersTotal(backend.containers(store));
        }
        return b.build();
      });
    }
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    requireNonNull(store, "store");
    synchronized (backend) {
      return answer(() -> {
        backend.checkTenancy(store);
        List<Container> listed = new ArrayList<>();
        for (ReferenceBackend.Entry e : backend.entries.values()) {
          if (e.c.store().equals(store)) {
            Container c = e.c;
            if (bug(Bug.LABELS_IN_ADAPTER_MEMORY)) {
              c = relabel(c, labelsInMemory.getOrDefault(c.id(), Labels.empty()));
            }
            listed.add(c);
          }
        }
        if (bug(Bug.LISTS_HELPER_SNAPSHOTS)) {
          listed.addAll(backend.snapshotsAsContainers(store));
        }
        return new Inventory(store, listed);
      });
    }
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    backend.checkName(name);
    synchronized (backend) {
      return answerStage(() -> {
        backend.checkTenancy(store);
        ReferenceBackend.Entry existing = backend.byName(store, name);
        if (existing != null) {
          return join(existing, ContainerKind.PHYSICAL_MASTER, source, labels);
        }
        backend.checkTrash(store, name);
        ReferenceBackend.Entry src = backend.source(store, source);
        if (!src.c.isMaster() || !src.c.isReady()) {
          throw new ConflictException(source + " is not a ready physical master");
        }
        backend.checkContainerTotal();
        backend.checkCapacity(store, backend.declared.copyCosts().physicalCopyBytes(src.c.sizeBytes()));
        int limit = backend.declared.maxConcurrentPhysicalCopies();
        if (!bug(Bug.IGNORES_COPY_CONCURRENCY) && ArrayCapabilities.isLimited(limit)
            && backend.physicalInProgress >= limit) {
          throw new BusyException(limit + " physical copies are running");
        }
        return backend.startPhysicalCopy(store, src, name, keep(labels)).future(this, labels);
      });
    }
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    backend.checkName(name);
    boolean race;
    synchronized (backend) {
      CompletionStage<Container> refused = refusal(store, source, name, labels);
      if (refused != null) {
        return refused;
      }
      race = bug(Bug.CHECK_THEN_ACT_RACE);
      if (!race) {
        ReferenceBackend.Entry src = requireNonNull(backend.entries.get(source), "checked source");
        return backend.startVirtualCopy(store, src, name, keep(labels)).future(this, labels);
      }
    }
    // The planted race: the check above is stale by the time the copy is made.
    waitForARival(source);
    synchronized (backend) {
      pastTheCheck.merge(source, -1, Integer::sum);
      ReferenceBackend.Entry src = backend.entries.get(source);
      if (src == null) {
        return CompletableFuture.failedFuture(new ContainerNotFoundException(source + " is gone"));
      }
      return backend.startVirtualCopy(store, src, name, keep(labels)).future(this, labels);
    }
  }

  /** Every check before a virtual copy is made; null when it may be made. */
  private @Nullable CompletionStage<Container> refusal(
      StoreRef store, ContainerId source, String name, Labels labels) {
    try {
      backend.checkTenancy(store);
      ReferenceBackend.Entry existing = backend.byName(store, name);
      if (existing != null) {
        return join(existing, ContainerKind.VIRTUAL_COPY, source, labels);
      }
      backend.checkTrash(store, name);
      ReferenceBackend.Entry src = backend.source(store, source);
      if (!src.c.isReady()) {
        throw new ConflictException(source + " is not ready");
      }
      backend.checkVirtualCopyLimits(src);
      backend.checkContainerTotal();
      backend.checkCapacity(store, backend.declared.copyCosts().virtualCopyBytes());
      int limit = backend.declared.maxConcurrentVirtualCopies();
      if (ArrayCapabilities.isLimited(limit) && backend.virtualInProgress >= limit) {
        throw new BusyException(limit + " virtual copies are being made");
      }
      return null;
    } catch (ArrayException e) {
      if (bug(Bug.THROWS_INSTEAD_OF_FAILING_THE_STAGE)) {
        throw e;
      }
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    requireNonNull(store, "store");
    requireNonNull(container, "container");
    synchronized (backend) {
      return answer(() -> {
        backend.checkTenancy(store);
        ReferenceBackend.Entry e = backend.entries.get(container);
        if (e == null) {
          return null;
        }
        if (!e.c.store().equals(store)) {
          throw new AccessDeniedException(container + " is not in " + store);
        }
        backend.delete(e);
        labelsInMemory.remove(container);
        return null;
      });
    }
  }

  private CompletionStage<Container> join(
      ReferenceBackend.Entry existing, ContainerKind kind, ContainerId source, Labels labels) {
    boolean same = existing.c.kind() == kind && source.equals(existing.c.source());
    if (!same && !bug(Bug.IDEMPOTENCY_IGNORES_SOURCE)) {
      throw new ConflictException(existing.c.name() + " exists as another copy");
    }
    if (bug(Bug.LATER_LABELS_CONFLICT) && !labels.equals(existing.c.labels())) {
      throw new ConflictException(existing.c.name() + " exists with other labels");
    }
    return switch (existing.c.state()) {
      case READY -> CompletableFuture.completedFuture(view(existing.c));
      case FAILED -> CompletableFuture.failedFuture(
          new CopyFailedException(existing.c.id(), existing.c.name() + " failed"));
      case COPYING -> existing.future(this, existing.c.labels());
    };
  }

  /** The labels the array stores: none when a bug drops them or keeps them in the adapter. */
  private Labels keep(Labels labels) {
    return bug(Bug.DROPS_LABELS) || bug(Bug.LABELS_IN_ADAPTER_MEMORY) ? Labels.empty() : labels;
  }

  /** The container as this adapter answers it. */
  Container view(Container c) {
    return bug(Bug.LABELS_IN_ADAPTER_MEMORY) ? relabel(c, labelsInMemory.getOrDefault(c.id(), Labels.empty())) : c;
  }

  void remember(ContainerId id, Labels labels) {
    if (bug(Bug.LABELS_IN_ADAPTER_MEMORY)) {
      labelsInMemory.put(id, labels);
    }
  }

  static Container relabel(Container c, Labels labels) {
    return new Container(c.id(), c.name(), c.kind(), c.content(), c.group(), c.source(), c.store(),
        c.sizeBytes(), c.state(), labels);
  }

  /** Makes an origin through the administrative path, as a user would. */
  Container createOrigin(StoreRef store, String name, ContentId content, GroupId group, long size) {
    synchronized (backend) {
      return backend.addOrigin(store, name, content, group, size);
    }
  }

  interface Call<T> {
    @Nullable T run();
  }

  interface StageCall<T> {
    CompletionStage<T> run();
  }

  private <T> CompletionStage<T> answer(Call<T> call) {
    try {
      return CompletableFuture.completedFuture(call.run());
    } catch (ArrayException e) {
      if (bug(Bug.THROWS_INSTEAD_OF_FAILING_THE_STAGE)) {
        throw e;
      }
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletionStage<T> answerStage(StageCall<T> call) {
    try {
      return call.run();
    } catch (ArrayException e) {
      if (bug(Bug.THROWS_INSTEAD_OF_FAILING_THE_STAGE)) {
        throw e;
      }
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Under the planted race, holds a caller that passed the check for the last copy {@code source}
   * may take until a second caller has passed the same check (or a second has gone by), so both
   * make a copy: the race happens whatever the machine's load does to the threads' timing.
   * Callers for other slots only pause briefly. The caller counts itself past the check until it
   * makes its copy.
   */
  private void waitForARival(ContainerId source) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    synchronized (backend) {
      int limit = backend.declared.maxVirtualCopiesPerSource();
      boolean lastSlot = ArrayCapabilities.isLimited(limit)
          && backend.clonesOf(source) + pastTheCheck.getOrDefault(source, 0) == limit - 1;
      pastTheCheck.merge(source, 1, Integer::sum);
      backend.notifyAll();
      try {
        while (lastSlot && backend.clonesOf(source) + pastTheCheck.getOrDefault(source, 0) <= limit) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          backend.wait(Math.max(1, left / 1_000_000L));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!Thread.currentThread().isInterrupted()) {
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Completes {@code f} on the timer after {@code millis}, unless cancelled. */
  static ScheduledFuture<?> later(ReferenceBackend backend, long millis, Runnable task) {
    return backend.timer.schedule(task, millis, TimeUnit.MILLISECONDS);
  }

  static TransientArrayException lost(String what) {
    return new TransientArrayException(what);
  }

  static CopyAbortedException aborted(String name) {
    return new CopyAbortedException(name, name + " was deleted while copying");
  }

  static LimitReachedException limit(Scope scope, int limit, String message) {
    return new LimitReachedException(scope, limit, message);
  }

  static InsufficientCapacityException full(String message) {
    return new InsufficientCapacityException(message);
  }

  static ContainerState ready() {
    return ContainerState.READY;
  }
}
