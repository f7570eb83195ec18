package dev.goldcopy.spi.kit;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException.Scope;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.spi.StoreId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The state of a {@link ReferenceArray}, which outlives any one adapter instance (a restart). */
final class ReferenceBackend implements AutoCloseable {
  final ArrayCapabilities declared;
  final Set<Bug> bugs;
  final Map<StoreId, TenantId> owners = new HashMap<>();
  final Map<ContainerId, Entry> entries = new LinkedHashMap<>();
  /** Hidden snapshots, by the master they were taken of: how many virtual copies use each. */
  final Map<ContainerId, Integer> snapshots = new HashMap<>();
  /** Deleted names kept in a trash: the {@link Bug#KEEPS_DELETED_NAMES} bug. */
  final Set<String> trash = new HashSet<>();
  final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reference-array");
        t.setDaemon(true);
        return t;
      });
  boolean failCopies;
  int physicalInProgress;
  int virtualInProgress;
  private long lastId;

  ReferenceBackend(ArrayCapabilities declared, Set<Bug> bugs) {
    this.declared = declared;
    this.bugs = bugs.isEmpty() ? EnumSet.noneOf(Bug.class) : EnumSet.copyOf(bugs);
  }

  /** One container and what is pending on it. */
  static final class Entry {
    Container c;
    final List<CompletableFuture<Container>> waiters = new ArrayList<>();
    @Nullable ScheduledFuture<?> completion;
    int copiesInProgress;

    Entry(Container c) {
      this.c = c;
    }

    CompletionStage<Container> future(ReferenceArray adapter, Labels labels) {
      adapter.remember(c.id(), labels);
      if (c.state() == ContainerState.READY) {
        return CompletableFuture.completedFuture(adapter.view(c));
      }
      CompletableFuture<Container> f = new CompletableFuture<>();
      waiters.add(f);
      return f.thenApply(adapter::view);
    }

    void finish(@Nullable RuntimeException error) {
      List<CompletableFuture<Container>> all = new ArrayList<>(waiters);
      waiters.clear();
      for (CompletableFuture<Container> f : all) {
        if (error == null) {
          f.complete(c);
        } else {
          f.completeExceptionally(error);
        }
      }
    }
  }

  void addStore(StoreRef store) {
    owners.put(store.store(), store.tenant());
  }

  Container addOrigin(StoreRef store, String name, ContentId content, GroupId group, long size) {
    checkTenancy(store);
    if (byName(store, name) != null) {
      throw new IllegalArgumentException(name + " is taken");
    }
    return add(new Container(nextId(), name, ContainerKind.PHYSICAL_MASTER, content, group, null, store,
        size, ContainerState.READY)).c;
  }

  Entry startPhysicalCopy(StoreRef store, Entry src, String name, Labels labels) {
    Entry e = add(new Container(nextId(), name, ContainerKind.PHYSICAL_MASTER, src.c.content(),
        src.c.group(), src.c.id(), store, src.c.sizeBytes(), ContainerState.COPYING, labels));
    boolean fail = failCopies;
    physicalInProgress++;
    src.copiesInProgress++;
    e.completion = ReferenceArray.later(this, ReferenceArray.COPY_MILLIS, () -> {
      synchronized (this) {
        if (e.completion == null) {
          return;
        }
        e.completion = null;
        physicalInProgress--;
        src.copiesInProgress--;
        boolean sourceGone = !entries.containsKey(src.c.id());
        if (fail || sourceGone) {
          if (bugs.contains(Bug.FAILED_COPY_VANISHES)) {
            entries.remove(e.c.id());
            e.finish(ReferenceArray.lost("the copy of " + src.c.id() + " was lost"));
            return;
          }
          e.c = e.c.withState(ContainerState.FAILED);
          e.finish(new CopyFailedException(e.c.id(), "the copy into " + e.c.id() + " failed"));
        } else {
          e.c = e.c.withState(ContainerState.READY);
          e.finish(null);
        }
      }
    });
    return e;
  }

  Entry startVirtualCopy(StoreRef store, Entry src, String name, Labels labels) {
    Entry e = add(new Container(nextId(), name, ContainerKind.VIRTUAL_COPY, src.c.content(), null,
        src.c.id(), store, src.c.sizeBytes(), ContainerState.COPYING, labels));
    snapshots.merge(src.c.id(), 1, Integer::sum);
    virtualInProgress++;
    e.completion = ReferenceArray.later(this, ReferenceArray.CLONE_MILLIS, () -> {
      synchronized (this) {
        if (e.completion == null) {
          return;
        }
        e.completion = null;
        virtualInProgress--;
        e.c = e.c.withState(ContainerState.READY);
        e.finish(null);
      }
    });
    return e;
  }

  void delete(Entry e) {
    if (!bugs.contains(Bug.DELETES_MASTER_WITH_CLONES) && clonesOf(e.c.id()) > 0) {
      throw new ConflictException(e.c.id() + " is the source of virtual copies");
    }
    if (!bugs.contains(Bug.DELETES_SOURCE_OF_RUNNING_COPY) && e.copiesInProgress > 0) {
      throw new ConflictException(e.c.id() + " is the source of a copy in progress");
    }
    entries.remove(e.c.id());
    ScheduledFuture<?> completion = e.completion;
    if (completion != null) {
      completion.cancel(false);
      e.completion = null;
      if (e.c.isMaster()) {
        physicalInProgress--;
        Entry src = e.c.source() == null ? null : entries.get(e.c.source());
        if (src != null) {
          src.copiesInProgress--;
        }
      } else {
        virtualInProgress--;
      }
      if (!bugs.contains(Bug.ABORT_LEAVES_WAITERS_HANGING)) {
        e.finish(ReferenceArray.aborted(e.c.name()));
      }
    }
    ContainerId source = e.c.source();
    if (e.c.kind() == ContainerKind.VIRTUAL_COPY && source != null) {
      int left = snapshots.merge(source, -1, Integer::sum);
      if (left == 0 && !bugs.contains(Bug.LEAKS_HELPER_SNAPSHOTS)) {
        snapshots.remove(source);
      }
    }
    if (bugs.contains(Bug.KEEPS_DELETED_NAMES)) {
      trash.add(e.c.store() + "/" + e.c.name());
    }
  }

  void checkTenancy(StoreRef store) {
    if (!store.tenant().equals(owners.get(store.store()))) {
      throw new AccessDeniedException(store.tenant() + " does not own " + store.store());
    }
  }

  void checkName(String name) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    if (bugs.contains(Bug.COUNTS_NAME_CHARACTERS)) {
      if (name.length() > declared.nameRules().maxLengthBytes()
          || !Pattern.matches(declared.nameRules().allowed(), name)) {
        throw new IllegalArgumentException("bad name " + name);
      }
      return;
    }
    declared.nameRules().check("name", name);
  }

  void checkTrash(StoreRef store, String name) {
    if (trash.contains(store + "/" + name)) {
      throw new ConflictException(name + " is in the trash");
    }
  }

  Entry source(StoreRef store, ContainerId id) {
    Entry e = entries.get(id);
    if (e == null) {
      throw new ContainerNotFoundException(id + " does not exist");
    }
    if (!e.c.store().equals(store) && !bugs.contains(Bug.COPIES_OTHER_TENANTS_CONTAINER)) {
      throw new AccessDeniedException(id + " is not in " + store);
    }
    return e;
  }

  void checkVirtualCopyLimits(Entry src) {
    if (!declared.virtualCopiesSupported() && !bugs.contains(Bug.CLONES_WHEN_UNSUPPORTED)) {
      throw ReferenceArray.limit(Scope.NOT_SUPPORTED, 0, "no virtual copies on this array");
    }
    int depth = declared.maxLocalReplicationDepth();
    if (!bugs.contains(Bug.IGNORES_DEPTH) && ArrayCapabilities.isLimited(depth) && depthOf(src) + 1 > depth) {
      throw ReferenceArray.limit(Scope.REPLICATION_DEPTH, depth, "too deep");
    }
    int perSource = declared.maxVirtualCopiesPerSource();
    int allowed = bugs.contains(Bug.PER_SOURCE_OFF_BY_ONE) ? perSource + 1 : perSource;
    if (ArrayCapabilities.isLimited(perSource) && clonesOf(src.c.id()) >= allowed) {
      throw ReferenceArray.limit(Scope.PER_SOURCE, perSource, src.c.id() + " has its most copies");
    }
    int total = declared.maxVirtualCopiesTotal();
    if (ArrayCapabilities.isLimited(total) && virtualCopies() >= total) {
      throw ReferenceArray.limit(Scope.ARRAY_TOTAL, total, "the array holds its most virtual copies");
    }
  }

  void checkContainerTotal() {
    int total = declared.maxContainersTotal();
    if (!bugs.contains(Bug.IGNORES_CONTAINER_TOTAL) && ArrayCapabilities.isLimited(total)
        && entries.size() >= total) {
      throw ReferenceArray.limit(Scope.ARRAY_CONTAINERS, total, "the array holds its most containers");
    }
  }

  void checkCapacity(StoreRef store, long bytes) {
    if (!bugs.contains(Bug.IGNORES_CAPACITY) && bytes > free(store)) {
      throw ReferenceArray.full(bytes + " bytes do not fit in " + free(store));
    }
  }

  long free(StoreRef store) {
    long used = 0;
    for (Entry e : entries.values()) {
      Container c = e.c;
      if (c.store().equals(store)) {
        used += c.isOrigin() ? c.sizeBytes()
            : c.isMaster() ? declared.copyCosts().physicalCopyBytes(c.sizeBytes())
            : declared.copyCosts().virtualCopyBytes();
      }
    }
    return Math.max(0, declared.freeCapacityBytes() - used);
  }

  int virtualCopies(StoreRef caller) {
    int n = 0;
    for (Entry e : entries.values()) {
      if (bugs.contains(Bug.USAGE_OF_OWN_STORE_ONLY) && !e.c.store().equals(caller)) {
        continue;
      }
      if (e.c.kind() == ContainerKind.VIRTUAL_COPY) {
        n++;
      }
    }
    return n;
  }

  int containers(StoreRef caller) {
    int n = 0;
    for (Entry e : entries.values()) {
      if (!bugs.contains(Bug.USAGE_OF_OWN_STORE_ONLY) || e.c.store().equals(caller)) {
        n++;
      }
    }
    return n;
  }

  int virtualCopies() {
    int n = 0;
    for (Entry e : entries.values()) {
      if (e.c.kind() == ContainerKind.VIRTUAL_COPY) {
        n++;
      }
    }
    return n;
  }

  int clonesOf(ContainerId id) {
    int n = 0;
    for (Entry e : entries.values()) {
      if (e.c.kind() == ContainerKind.VIRTUAL_COPY && id.equals(e.c.source())) {
        n++;
      }
    }
    return n;
  }

  @Nullable Entry byName(StoreRef store, String name) {
    boolean ignoreCase = !declared.nameRules().caseSensitive() && !bugs.contains(Bug.CASE_SENSITIVE_NAMES);
    for (Entry e : entries.values()) {
      if (e.c.store().equals(store)
          && (ignoreCase ? e.c.name().equalsIgnoreCase(name) : e.c.name().equals(name))) {
        return e;
      }
    }
    return null;
  }

  List<Container> snapshotsAsContainers(StoreRef store) {
    List<Container> list = new ArrayList<>();
    for (ContainerId master : snapshots.keySet()) {
      Entry m = entries.get(master);
      if (m != null && m.c.store().equals(store)) {
        list.add(new Container(ContainerId.of("snap-" + master.value()), m.c.name() + "@gc",
            ContainerKind.VIRTUAL_COPY, m.c.content(), null, master, store, 0, ContainerState.READY));
      }
    }
    return list;
  }

  /** Containers, hidden snapshots and trash entries of {@code store}, as the backend holds them. */
  synchronized long rawObjects(StoreRef store) {
    long n = 0;
    for (Entry e : entries.values()) {
      if (e.c.store().equals(store)) {
        n++;
      }
    }
    for (ContainerId master : snapshots.keySet()) {
      Entry m = entries.get(master);
      if (m == null || m.c.store().equals(store)) {
        n++;
      }
    }
    for (String t : trash) {
      if (t.startsWith(store + "/")) {
        n++;
      }
    }
    return n;
  }

  private int depthOf(Entry e) {
    int depth = 0;
    for (Entry c = e; c.c.kind() == ContainerKind.VIRTUAL_COPY; ) {
      depth++;
      ContainerId source = c.c.source();
      Entry next = source == null ? null : entries.get(source);
      if (next == null) {
        break;
      }
      c = next;
    }
    return depth;
  }

  private Entry add(Container c) {
    Entry e = new Entry(c);
    entries.put(c.id(), e);
    return e;
  }

  private ContainerId nextId() {
    lastId++;
    return ContainerId.of("ref-" + lastId);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
