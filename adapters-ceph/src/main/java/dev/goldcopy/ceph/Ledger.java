package dev.goldcopy.ceph;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the adapter knows of its namespaces, and the room that creations in progress have
 * reserved: the one place where the declared limits are checked, under one lock, so they hold
 * exactly under concurrent callers.
 *
 * <p>A namespace's containers are loaded from a listing before its first change, then kept up to
 * date by the adapter's own changes. A later listing replaces them only if no change of that
 * namespace overlapped it, so changes made by others are picked up without losing the adapter's
 * own.
 */
final class Ledger {

  /** Room held for one creation until it is committed or released. */
  static final class Reservation {
    private final String namespace;
    private final String source;
    private final ContainerKind kind;
    private final long bytes;
    private boolean open = true;

    private Reservation(String namespace, String source, ContainerKind kind, long bytes) {
      this.namespace = namespace;
      this.source = source;
      this.kind = kind;
      this.bytes = bytes;
    }
  }

  private final Settings.Limits limits;
  private final CopyCosts costs;
  private final Map<String, Map<String, LedgerEntry>> namespaces = new HashMap<>();
  private final Map<String, Integer> changing = new HashMap<>();
  private final Map<String, Long> epochs = new HashMap<>();
  private final Map<String, Integer> pendingOnSource = new HashMap<>();
  private final Set<String> deleting = new HashSet<>();
  private int pendingVirtual;
  private int pendingContainers;
  private long pendingBytes;
  private int virtualRunning;
  private int physicalRunning;
  private long totalBytes = Long.MAX_VALUE;
  private long availableBytes = Long.MAX_VALUE;

  Ledger(Settings.Limits limits, CopyCosts costs) {
    this.limits = limits;
    this.costs = costs;
  }

  // ---------------------------------------------------------------- listings

  synchronized boolean isLoaded(String ns) {
    return namespaces.containsKey(ns);
  }

  /** Marks the start of a listing; pass the token to {@link #listed}. */
  synchronized long listingStarts(String ns) {
    return changing.getOrDefault(ns, 0) > 0 ? -1 : epochs.getOrDefault(ns, 0L);
  }

  /** Takes a listing as the namespace's truth, unless a change of the namespace overlapped it. */
  synchronized void listed(String ns, Collection<LedgerEntry> entries, long token) {
    boolean quiet = token >= 0 && token == epochs.getOrDefault(ns, 0L) && !isChanging(ns);
    if (namespaces.containsKey(ns) && !quiet) {
      return;
    }
    Map<String, LedgerEntry> byName = new HashMap<>();
    entries.forEach(e -> byName.put(e.name(), e));
    namespaces.put(ns, byName);
  }

  /** Sets the capacity to account against: the total, and what the pool can still store. */
  synchronized void capacity(long total, long available) {
    this.totalBytes = total;
    this.availableBytes = available;
  }

  // ---------------------------------------------------------------- changes

  /** A change of {@code ns} starts; listings taken meanwhile are not applied. */
  synchronized void changeStarts(String ns) {
    changing.merge(ns, 1, Integer::sum);
  }

  /** A change of {@code ns} has ended, applied or not. */
  synchronized void changeEnds(String ns) {
    changing.merge(ns, -1, Integer::sum);
    epochs.merge(ns, 1L, Long::sum);
  }

  private boolean isChanging(String ns) {
    return changing.getOrDefault(ns, 0) > 0;
  }

  synchronized @Nullable LedgerEntry find(String ns, String name) {
    Map<String, LedgerEntry> entries = namespaces.get(ns);
    return entries == null ? null : entries.get(name);
  }

  synchronized void put(String ns, LedgerEntry entry) {
    namespaces.computeIfAbsent(ns, k -> new HashMap<>()).put(entry.name(), entry);
  }

  synchronized void remove(String ns, String name) {
    Map<String, LedgerEntry> entries = namespaces.get(ns);
    if (entries != null) {
      entries.remove(name);
    }
  }

  // ---------------------------------------------------------------- reservations

  /**
   * Reserves room for a virtual copy of {@code source}.
   *
   * @throws LimitReachedException at the per-source, total, container or depth limit
   * @throws InsufficientCapacityException if its cost does not fit
   * @throws BusyException over the declared concurrency, or while the source is being deleted
   */
  synchronized Reservation reserveVirtual(String ns, String source) {
    refuseWhileDeleting(ns, source);
    int onSource = virtualChildren(ns, source) + pendingOnSource.getOrDefault(key(ns, source), 0);
    if (limited(limits.perSource()) && onSource >= limits.perSource()) {
      throw new LimitReachedException(
          LimitReachedException.Scope.PER_SOURCE,
          limits.perSource(),
          source + " already has " + onSource + " virtual copies, the most it may have");
    }
    int virtual = count(ContainerKind.VIRTUAL_COPY) + pendingVirtual;
    if (limited(limits.virtualTotal()) && virtual >= limits.virtualTotal()) {
      throw new LimitReachedException(
          LimitReachedException.Scope.ARRAY_TOTAL,
          limits.virtualTotal(),
          "the served stores already hold " + virtual + " virtual copies, the most declared");
    }
    checkContainers();
    if (limited(limits.concurrentVirtual()) && virtualRunning >= limits.concurrentVirtual()) {
      throw new BusyException(virtualRunning + " virtual copies are being made; try again");
    }
    long bytes = costs.virtualCopyBytes();
    checkCapacity(bytes, "a virtual copy");
    Reservation r = new Reservation(ns, source, ContainerKind.VIRTUAL_COPY, bytes);
    hold(r, 1);
    pendingVirtual++;
    virtualRunning++;
    return r;
  }

  /**
   * Reserves room for a physical copy of {@code source}, of {@code sourceBytes} provisioned, and
   * a place among the physical copies running; the place is held until {@link #copyEnds()}.
   *
   * @throws LimitReachedException at the container limit
   * @throws InsufficientCapacityException if its cost does not fit
   * @throws BusyException over the declared copy concurrency, or while the source is being
   *     deleted
   */
  synchronized Reservation reservePhysical(String ns, String source, long sourceBytes) {
    refuseWhileDeleting(ns, source);
    takeCopySlot();
    try {
      checkContainers();
      long bytes = costs.physicalCopyBytes(sourceBytes);
      checkCapacity(bytes, "a physical copy of " + source);
      Reservation r = new Reservation(ns, source, ContainerKind.PHYSICAL_MASTER, bytes);
      hold(r, 1);
      return r;
    } catch (RuntimeException e) {
      physicalRunning--;
      throw e;
    }
  }

  /**
   * Takes a place among the running physical copies for a copy that resumes.
   *
   * @throws BusyException over the declared copy concurrency
   */
  synchronized void takeCopySlot() {
    if (limited(limits.concurrentPhysical()) && physicalRunning >= limits.concurrentPhysical()) {
      throw new BusyException(
          physicalRunning + " physical copies are running, the most declared; try again");
    }
    physicalRunning++;
  }

  /** A physical copy has ended (done, failed or aborted): its place is free. */
  synchronized void copyEnds() {
    physicalRunning--;
  }

  /** The creation succeeded: the container is known, its reservation is spent. */
  synchronized void commit(Reservation r, LedgerEntry entry) {
    release(r);
    put(r.namespace, entry);
  }

  /** Gives a reservation's room back if it was still held; returns whether it was. */
  synchronized boolean releaseIfOpen(Reservation r) {
    boolean open = r.open;
    release(r);
    return open;
  }

  /** Gives a reservation's room back; does nothing the second time. */
  synchronized void release(Reservation r) {
    if (!r.open) {
      return;
    }
    r.open = false;
    hold(r, -1);
    if (r.kind == ContainerKind.VIRTUAL_COPY) {
      pendingVirtual--;
      virtualRunning--;
    }
  }

  private void hold(Reservation r, int sign) {
    pendingOnSource.merge(key(r.namespace, r.source), sign, Integer::sum);
    pendingContainers += sign;
    pendingBytes += sign * r.bytes;
  }

  // ---------------------------------------------------------------- deletions

  /**
   * Marks a master as being deleted, so that no copy of it starts meanwhile. Returns a reason it
   * cannot be, or null: a dependent the ledger knows or a creation in progress.
   */
  synchronized @Nullable String startDeleting(String ns, String name) {
    int pending = pendingOnSource.getOrDefault(key(ns, name), 0);
    int dependents = dependents(ns, name);
    if (pending > 0 || dependents > 0) {
      return name + " is the source of " + (pending + dependents) + " copies";
    }
    deleting.add(key(ns, name));
    return null;
  }

  synchronized void endDeleting(String ns, String name) {
    deleting.remove(key(ns, name));
  }

  /** Whether nothing depends on {@code name} and nothing is being made from it. */
  synchronized boolean isUnused(String ns, String name) {
    return dependents(ns, name) == 0 && pendingOnSource.getOrDefault(key(ns, name), 0) == 0;
  }

  private void refuseWhileDeleting(String ns, String source) {
    if (deleting.contains(key(ns, source))) {
      throw new BusyException(source + " is being deleted");
    }
  }

  // ---------------------------------------------------------------- usage

  /** Virtual copies in all served stores. */
  synchronized int usedVirtualCopies() {
    return count(ContainerKind.VIRTUAL_COPY);
  }

  /** Containers in all served stores. */
  synchronized int usedContainers() {
    return count(null);
  }

  synchronized long totalBytes() {
    return totalBytes;
  }

  /**
   * The free capacity: the total less what the containers and reservations cost, and at most what
   * the pool can still store less what copies in progress (or reserved) have yet to write.
   */
  synchronized long freeBytes() {
    long provisioned = pendingBytes;
    long unwritten = pendingBytes;
    for (Map<String, LedgerEntry> entries : namespaces.values()) {
      for (LedgerEntry e : entries.values()) {
        if (e.kind() == ContainerKind.PHYSICAL_MASTER) {
          long cost = costs.physicalCopyBytes(e.sizeBytes());
          provisioned += cost;
          if (e.parent() != null) {
            unwritten += cost; // a copy not yet flattened
          }
        } else {
          provisioned += costs.virtualCopyBytes();
        }
      }
    }
    long free = totalBytes == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, totalBytes - provisioned);
    long storable =
        availableBytes == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, availableBytes - unwritten);
    return Math.min(Math.min(free, storable), totalBytes);
  }

  private void checkContainers() {
    int containers = count(null) + pendingContainers;
    if (limited(limits.containersTotal()) && containers >= limits.containersTotal()) {
      throw new LimitReachedException(
          LimitReachedException.Scope.ARRAY_CONTAINERS,
          limits.containersTotal(),
          "the served stores already hold " + containers + " containers, the most declared");
    }
  }

  private void checkCapacity(long bytes, String what) {
    long free = freeBytes();
    if (bytes > free) {
      throw new InsufficientCapacityException(
          what + " needs " + bytes + " bytes; " + free + " are free");
    }
  }

  private int virtualChildren(String ns, String source) {
    int n = 0;
    for (LedgerEntry e : entries(ns)) {
      if (e.kind() == ContainerKind.VIRTUAL_COPY && source.equals(e.parent())) {
        n++;
      }
    }
    return n;
  }

  private int dependents(String ns, String source) {
    int n = 0;
    for (LedgerEntry e : entries(ns)) {
      if (source.equals(e.parent())) {
        n++;
      }
    }
    return n;
  }

  private int count(@Nullable ContainerKind kind) {
    int n = 0;
    for (Map<String, LedgerEntry> entries : namespaces.values()) {
      for (LedgerEntry e : entries.values()) {
        if (kind == null || e.kind() == kind) {
          n++;
        }
      }
    }
    return n;
  }

  private Collection<LedgerEntry> entries(String ns) {
    Map<String, LedgerEntry> entries = namespaces.get(ns);
    return entries == null ? java.util.List.of() : entries.values();
  }

  private static String key(String ns, String name) {
    return ns + "/" + name;
  }

  private static boolean limited(int max) {
    return ArrayCapabilities.isLimited(max);
  }
}
