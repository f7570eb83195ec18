package dev.goldcopy.qcow2;

import static dev.goldcopy.spi.ArrayCapabilities.isLimited;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every operation shares, run inside a {@link RootState.Session}: who may touch which
 * store, what a name or id refers to, and whether a new container fits the declared limits and the
 * free space. Also turns records into the SPI's {@link Container}s.
 */
final class StoreRules {
  private final Map<StoreId, StoreLayout> layouts;
  private final Settings settings;
  private final SecureRandom random = new SecureRandom();

  StoreRules(Map<StoreId, StoreLayout> layouts, Settings settings) {
    this.layouts = Map.copyOf(layouts);
    this.settings = settings;
  }

  Settings settings() {
    return settings;
  }

  /** Returns the store's layout if the calling tenant owns it; refuses otherwise. */
  StoreLayout access(StoreRef ref) {
    StoreLayout layout = layouts.get(ref.store());
    if (layout == null || !layout.owner().tenant().equals(ref.tenant())) {
      throw new AccessDeniedException("tenant " + ref.tenant() + " has no store " + ref.store());
    }
    return layout;
  }

  /**
   * Finds the record a container id refers to in the caller's store.
   *
   * @throws AccessDeniedException if the id belongs to another store of this adapter
   * @throws ContainerNotFoundException if there is no such container
   */
  ContainerRecord resolve(RootState.Session session, StoreRef ref, ContainerId id) {
    return find(session, ref, id)
        .orElseThrow(() -> new ContainerNotFoundException("no container " + id + " in " + ref));
  }

  /**
   * Finds the record a container id refers to in the caller's store, or nothing if it is gone.
   *
   * @throws AccessDeniedException if the id belongs to another store of this adapter
   */
  Optional<ContainerRecord> find(RootState.Session session, StoreRef ref, ContainerId id) {
    Optional<ContainerIds.Parts> parts = ContainerIds.parse(id);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    if (!parts.get().store().equals(ref.store())) {
      if (layouts.containsKey(parts.get().store())) {
        throw new AccessDeniedException(
            "container " + id + " belongs to another store than " + ref);
      }
      return Optional.empty();
    }
    return session.index(ref.store()).find(parts.get().name(), parts.get().token());
  }

  /** Refuses a name held by a file the adapter does not manage (it never overwrites one). */
  void refuseForeignFile(StoreLayout layout, String name) {
    if (Files.exists(layout.image(name), LinkOption.NOFOLLOW_LINKS)) {
      throw new ConflictException(
          "a file named " + name + " that the adapter did not make is in " + layout.dir());
    }
  }

  /** The conflict of a same-name create with another kind or source. */
  ConflictException nameTaken(StoreLayout layout, ContainerRecord existing, ContainerKind kind) {
    return new ConflictException(
        "the name " + existing.name() + " is taken in " + layout.owner() + " by a "
            + existing.kind() + " of source " + existing.source() + "; asked for a " + kind);
  }

  /** Refuses a new virtual copy over the depth, per-source and array-wide limits. */
  void checkVirtualLimits(
      RootState.Session session, ContainerId sourceId, ContainerRecord source, StoreIndex index) {
    int depth = settings.maxLocalReplicationDepth();
    if (isLimited(depth) && source.depth() + 1 > depth) {
      throw new LimitReachedException(
          LimitReachedException.Scope.REPLICATION_DEPTH,
          depth,
          sourceId + " is a virtual copy at depth " + source.depth() + "; the limit is " + depth);
    }
    int perSource = settings.maxVirtualCopiesPerSource();
    if (isLimited(perSource) && index.virtualCopiesOf(sourceId) >= perSource) {
      throw new LimitReachedException(
          LimitReachedException.Scope.PER_SOURCE,
          perSource,
          sourceId + " has " + perSource + " virtual copies, the most allowed");
    }
    int total = settings.maxVirtualCopiesTotal();
    if (isLimited(total) && virtualCopies(session) >= total) {
      throw new LimitReachedException(
          LimitReachedException.Scope.ARRAY_TOTAL,
          total,
          "the file store holds " + total + " virtual copies, the most allowed");
    }
    checkContainerTotal(session);
  }

  /** Refuses a new container over the array-wide container total. */
  void checkContainerTotal(RootState.Session session) {
    int total = settings.maxContainersTotal();
    if (isLimited(total) && containers(session) >= total) {
      throw new LimitReachedException(
          LimitReachedException.Scope.ARRAY_CONTAINERS,
          total,
          "the file store holds " + total + " containers, the most allowed");
    }
  }

  /** Refuses a new container that would not fit in the free space. */
  void checkCapacity(RootState.Session session, StoreLayout layout, long bytes, String what)
      throws IOException {
    long free = freeBytes(session, layout);
    if (free < bytes) {
      throw new InsufficientCapacityException(
          what + " needs " + bytes + " bytes; " + layout.dir() + " has " + free + " free");
    }
  }

  int virtualCopies(RootState.Session session) {
    return session.all().stream().mapToInt(StoreIndex::virtualCopies).sum();
  }

  int containers(RootState.Session session) {
    return session.all().stream().mapToInt(StoreIndex::containers).sum();
  }

  int copying(RootState.Session session) {
    return session.all().stream().mapToInt(i -> i.copying().size()).sum();
  }

  /**
   * The free capacity: the free space of the store's file system, less what copies in progress on
   * it have reserved and not yet written; with a quota, no more than the quota less what the
   * adapter's containers take as the copy costs count them.
   */
  long freeBytes(RootState.Session session, StoreLayout layout) throws IOException {
    FileStore fileStore = layout.fileStore();
    long reserved = 0;
    for (StoreIndex index : session.all()) {
      if (!index.layout().fileStore().equals(fileStore)) {
        continue;
      }
      for (ContainerRecord copy : index.copying()) {
        long cost = settings.copyCosts().physicalCopyBytes(copy.sizeBytes());
        long written = sizeOrZero(index.layout().copyTarget(copy.name(), copy.token()));
        reserved += Math.max(0, cost - written);
      }
    }
    long free = Math.max(0, fileStore.getUsableSpace() - reserved);
    long quota = settings.capacityQuotaBytes();
    return quota > 0 ? Math.min(free, Math.max(0, quota - accountedBytes(session))) : free;
  }

  /** The total capacity: the file system's, or the quota if it is smaller. */
  long totalBytes(StoreLayout layout) throws IOException {
    long total = layout.fileStore().getTotalSpace();
    long quota = settings.capacityQuotaBytes();
    return quota > 0 ? Math.min(total, quota) : total;
  }

  /**
   * What the adapter's containers take under a quota, as the declared copy costs count them: a
   * master (ready or copying) its physical copy cost, an overlay its creation cost, a failed copy
   * nothing. What virtual machines later write into their overlays is not counted.
   */
  private long accountedBytes(RootState.Session session) {
    long used = 0;
    for (StoreIndex index : session.all()) {
      for (ContainerRecord r : index.records()) {
        if (r.kind() == ContainerKind.VIRTUAL_COPY) {
          used += settings.copyCosts().virtualCopyBytes();
        } else if (r.state() != ContainerState.FAILED) {
          used += settings.copyCosts().physicalCopyBytes(r.sizeBytes());
        }
      }
    }
    return used;
  }

  /** A new random token for a container's id and temporary files. */
  String token() {
    return HexFormat.of().toHexDigits(random.nextLong());
  }

  ContainerId id(StoreLayout layout, ContainerRecord record) {
    return ContainerIds.format(layout.owner().store(), record.name(), record.token());
  }

  Container container(StoreLayout layout, ContainerRecord r) {
    return new Container(
        id(layout, r),
        r.name(),
        r.kind(),
        r.content(),
        r.group(),
        r.source(),
        layout.owner(),
        r.sizeBytes(),
        r.state(),
        Labels.of(r.labels()));
  }

  /** Whether a record is a master that can be the source of a copy now. */
  static boolean isReadyMaster(ContainerRecord r) {
    return r.kind() == ContainerKind.PHYSICAL_MASTER && r.state() == ContainerState.READY;
  }

  /** Flushes a file's content to disk. */
  static void flush(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static long sizeOrZero(Path file) throws IOException {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }
}
