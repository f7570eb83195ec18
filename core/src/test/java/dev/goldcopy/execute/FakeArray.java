package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A small scripted array for the executor's unit tests: one store, fixed latencies on a {@link
 * VirtualLoop}, the per-source limit enforced, idempotent names, and faults scripted per call
 * ("the next clone of vm-3 fails busy").
 */
final class FakeArray implements ArrayAdapter {
  /** One call as the array saw it. */
  record Call(Instant at, String operation, String name, String outcome) {}

  static final Duration COPY_TIME = Duration.ofSeconds(10);
  static final Duration CLONE_TIME = Duration.ofSeconds(1);
  static final Duration DELETE_TIME = Duration.ofMillis(100);

  final VirtualLoop loop;
  final StoreRef store = StoreRef.of("acme", "pool-1");
  final ContentId content = ContentId.of("win11", "2026.11");
  final GroupId group = GroupId.of("win11-2026.11");
  private ArrayCapabilities capabilities;
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final Map<String, List<CompletableFuture<Container>>> waiters = new HashMap<>();
  private final Map<String, ArrayDeque<ArrayException>> scripted = new HashMap<>();
  private final Map<String, Integer> failCopies = new HashMap<>();
  private final Map<ContainerId, Integer> clonesOf = new HashMap<>();
  private final Map<ContainerId, Integer> peakClonesOf = new HashMap<>();
  final List<Call> calls = new ArrayList<>();
  private int physicalInProgress;
  int peakPhysicalInProgress;
  private int ids;

  FakeArray(VirtualLoop loop, int perSourceLimit, int copyConcurrency) {
    this.loop = loop;
    this.capabilities =
        ArrayCapabilities.builder()
            .maxVirtualCopiesPerSource(perSourceLimit)
            .maxConcurrentPhysicalCopies(copyConcurrency)
            .build();
  }

  Container createOrigin(String name) {
    Container c =
        new Container(
            ContainerId.of("id-" + ids++),
            name,
            ContainerKind.PHYSICAL_MASTER,
            content,
            group,
            null,
            store,
            1000,
            ContainerState.READY);
    containers.put(name, c);
    return c;
  }

  /** The next call on {@code name} (create or delete) fails with {@code error}, before acting. */
  void failNext(String name, ArrayException error) {
    scripted.computeIfAbsent(name, k -> new ArrayDeque<>()).add(error);
  }

  /** The next {@code times} physical copies named {@code name} end FAILED. */
  void failCopy(String name, int times) {
    failCopies.put(name, times);
  }

  List<Container> containers() {
    return List.copyOf(containers.values());
  }

  @Nullable Container find(String name) {
    return containers.get(name);
  }

  int peakClones(ContainerId source) {
    return peakClonesOf.getOrDefault(source, 0);
  }

  long callsOn(String operation, String name) {
    return calls.stream().filter(c -> c.operation().equals(operation) && c.name().equals(name)).count();
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef ref) {
    requireNonNull(ref, "store");
    return CompletableFuture.completedFuture(capabilities);
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef ref) {
    requireNonNull(ref, "store");
    ArrayException e = scriptedFailure("inventory");
    if (e != null) {
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.completedFuture(new Inventory(store, List.copyOf(containers.values())));
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef ref, ContainerId source, String name, Labels labels) {
    return create(ContainerKind.PHYSICAL_MASTER, source, name, labels);
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef ref, ContainerId source, String name, Labels labels) {
    return create(ContainerKind.VIRTUAL_COPY, source, name, labels);
  }

  private CompletionStage<Container> create(
      ContainerKind kind, ContainerId source, String name, Labels labels) {
    String op = kind == ContainerKind.PHYSICAL_MASTER ? "copy" : "clone";
    CompletableFuture<Container> f = new CompletableFuture<>();
    ArrayException scriptedError = scriptedFailure(name);
    if (scriptedError != null) {
      calls.add(new Call(loop.now(), op, name, scriptedError.getClass().getSimpleName()));
      return CompletableFuture.failedFuture(scriptedError);
    }
    Container existing = containers.get(name);
    if (existing != null) {
      if (existing.kind() != kind || !source.equals(existing.source())) {
        calls.add(new Call(loop.now(), op, name, "conflict"));
        return CompletableFuture.failedFuture(new ConflictException(name + " exists"));
      }
      calls.add(new Call(loop.now(), op, name, "exists"));
      switch (existing.state()) {
        case READY -> f.complete(existing);
        case COPYING -> waiters.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
        case FAILED ->
            f.completeExceptionally(new CopyFailedException(existing.id(), name + " failed"));
      }
      return f;
    }
    Container src = containers.values().stream().filter(c -> c.id().equals(source)).findFirst()
        .orElse(null);
    if (src == null) {
      calls.add(new Call(loop.now(), op, name, "not found"));
      return CompletableFuture.failedFuture(new ContainerNotFoundException(source + " missing"));
    }
    if (kind == ContainerKind.VIRTUAL_COPY) {
      int limit = capabilities.maxVirtualCopiesPerSource();
      int now = clonesOf.getOrDefault(source, 0);
      if (ArrayCapabilities.isLimited(limit) && now >= limit) {
        calls.add(new Call(loop.now(), op, name, "limit"));
        return CompletableFuture.failedFuture(
            new LimitReachedException(LimitReachedException.Scope.PER_SOURCE, limit, name));
      }
      clonesOf.put(source, now + 1);
      peakClonesOf.merge(source, now + 1, Math::max);
      Container c =
          new Container(
              ContainerId.of("id-" + ids++), name, kind, content, null, source, store, 10,
              ContainerState.READY, labels);
      containers.put(name, c);
      calls.add(new Call(loop.now(), op, name, "ok"));
      loop.schedule(CLONE_TIME, () -> f.complete(c));
      return f;
    }
    physicalInProgress++;
    peakPhysicalInProgress = Math.max(peakPhysicalInProgress, physicalInProgress);
    Container copying =
        new Container(
            ContainerId.of("id-" + ids++), name, kind, content, group, source, store, 1000,
            ContainerState.COPYING, labels);
    containers.put(name, copying);
    calls.add(new Call(loop.now(), op, name, "ok"));
    waiters.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
    loop.schedule(COPY_TIME, () -> finishCopy(copying));
    return f;
  }

  private void finishCopy(Container copying) {
    physicalInProgress--;
    if (!copying.equals(containers.get(copying.name()))) {
      return; // deleted, or replaced by another container of the same name
    }
    int fails = failCopies.getOrDefault(copying.name(), 0);
    ContainerState end = fails > 0 ? ContainerState.FAILED : ContainerState.READY;
    if (fails > 0) {
      failCopies.put(copying.name(), fails - 1);
    }
    Container done = copying.withState(end);
    containers.put(done.name(), done);
    List<CompletableFuture<Container>> list = waiters.remove(done.name());
    if (list != null) {
      for (CompletableFuture<Container> f : list) {
        if (end == ContainerState.READY) {
          f.complete(done);
        } else {
          f.completeExceptionally(new CopyFailedException(done.id(), done.name() + " failed"));
        }
      }
    }
  }

  @Override
  public CompletionStage<Void> delete(StoreRef ref, ContainerId id) {
    Container target =
        containers.values().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    if (target == null) {
      calls.add(new Call(loop.now(), "delete", id.value(), "missing"));
      return CompletableFuture.completedFuture(null);
    }
    ArrayException scriptedError = scriptedFailure(target.name());
    if (scriptedError != null) {
      calls.add(new Call(loop.now(), "delete", target.name(), "scripted"));
      return CompletableFuture.failedFuture(scriptedError);
    }
    boolean hasDependents =
        containers.values().stream()
            .anyMatch(
                c -> id.equals(c.source())
                    && (!c.isMaster() || c.state() == ContainerState.COPYING));
    if (hasDependents) {
      calls.add(new Call(loop.now(), "delete", target.name(), "conflict"));
      return CompletableFuture.failedFuture(new ConflictException(target.name() + " has dependents"));
    }
    calls.add(new Call(loop.now(), "delete", target.name(), "ok"));
    containers.remove(target.name());
    if (target.state() == ContainerState.COPYING) {
      List<CompletableFuture<Container>> list = waiters.remove(target.name());
      if (list != null) {
        list.forEach(f -> f.completeExceptionally(new CopyFailedException(id, "aborted")));
      }
    }
    ContainerId source = target.source();
    if (!target.isMaster() && source != null) {
      clonesOf.merge(source, -1, Integer::sum);
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    loop.schedule(DELETE_TIME, () -> f.complete(null));
    return f;
  }

  private @Nullable ArrayException scriptedFailure(String name) {
    ArrayDeque<ArrayException> queue = scripted.get(name);
    return queue == null ? null : queue.poll();
  }
}
