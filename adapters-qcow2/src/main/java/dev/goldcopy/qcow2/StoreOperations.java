package dev.goldcopy.qcow2;

import static dev.goldcopy.spi.ArrayCapabilities.UNLIMITED;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TransientArrayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The operations that finish within one hold of the lock: virtual copies, deletes, capabilities,
 * inventory and origins. Physical copies, which run for long, are {@link PhysicalCopies}'.
 */
final class StoreOperations {
  /** What a delete of a container that is still copying does to the copy. */
  interface CopyAborter {
    void abort(StoreLayout layout, ContainerRecord copying) throws IOException;
  }

  private final StoreRules rules;
  private final ImageTool qemuImg;

  StoreOperations(StoreRules rules, ImageTool qemuImg) {
    this.rules = rules;
    this.qemuImg = qemuImg;
  }

  ArrayCapabilities capabilities(RootState.Session session, StoreRef ref) throws IOException {
    StoreLayout layout = rules.access(ref);
    Settings s = rules.settings();
    long total = rules.totalBytes(layout);
    return ArrayCapabilities.builder()
        .maxVirtualCopiesPerSource(s.maxVirtualCopiesPerSource())
        .maxVirtualCopiesTotal(s.maxVirtualCopiesTotal())
        .maxContainersTotal(s.maxContainersTotal())
        .maxLocalReplicationDepth(s.maxLocalReplicationDepth())
        .maxConcurrentPhysicalCopies(s.maxConcurrentPhysicalCopies())
        .maxConcurrentVirtualCopies(s.maxConcurrentVirtualCopies())
        .virtualCopiesSupported(true)
        .usedVirtualCopiesTotal(rules.virtualCopies(session))
        .usedContainersTotal(rules.containers(session))
        .totalCapacityBytes(total)
        .freeCapacityBytes(Math.min(total, rules.freeBytes(session, layout)))
        .copyBandwidthBytesPerSecond(
            s.copyBandwidthBytesPerSecond() > 0 ? s.copyBandwidthBytesPerSecond() : UNLIMITED)
        .nameRules(Settings.NAME_RULES)
        .copyCosts(s.copyCosts())
        .build();
  }

  Inventory inventory(RootState.Session session, StoreRef ref) throws IOException {
    StoreLayout layout = rules.access(ref);
    StoreIndex index = session.rescan(ref.store());
    List<Container> containers =
        index.records().stream()
            .sorted(Comparator.comparing(ContainerRecord::name))
            .map(r -> rules.container(layout, r))
            .collect(Collectors.toList());
    return new Inventory(layout.owner(), containers);
  }

  Container createVirtualCopy(
      RootState.Session session, StoreRef ref, ContainerId sourceId, String name, Labels labels)
      throws IOException {
    StoreLayout layout = rules.access(ref);
    StoreIndex index = session.index(ref.store());
    Optional<ContainerRecord> existing = index.byName(name);
    if (existing.isPresent()) {
      ContainerRecord e = existing.get();
      if (e.kind() == ContainerKind.VIRTUAL_COPY && sourceId.equals(e.source())) {
        return rules.container(layout, e);
      }
      throw rules.nameTaken(layout, e, ContainerKind.VIRTUAL_COPY);
    }
    rules.refuseForeignFile(layout, name);
    ContainerRecord source = rules.resolve(session, ref, sourceId);
    if (source.state() != ContainerState.READY) {
      throw new ConflictException(sourceId + " is " + source.state() + ", not ready");
    }
    rules.checkVirtualLimits(session, sourceId, source, index);
    rules.checkCapacity(
        session, layout, rules.settings().copyCosts().virtualCopyBytes(), "a virtual copy");

    session.changing();
    ContainerRecord record =
        new ContainerRecord(
            name,
            rules.token(),
            ContainerKind.VIRTUAL_COPY,
            ContainerState.READY,
            source.content(),
            null,
            sourceId,
            source.sizeBytes(),
            source.depth() + 1,
            null,
            labels.asMap());
    Path temp = layout.newImage(name, record.token());
    layout.writeRecord(record); // first: a crash before the rename below leaves a record to drop
    ImageTool.Result made;
    try {
      made = qemuImg.createOverlay(temp, source.name(), source.sizeBytes());
    } catch (IOException e) {
      layout.deleteRecord(name);
      throw e;
    }
    make(layout, record, temp, made);
    index.put(record);
    index.setBacking(name, source.name());
    return rules.container(layout, record);
  }

  Container createOrigin(
      RootState.Session session,
      StoreRef ref,
      String name,
      ContentId content,
      GroupId group,
      long sizeBytes,
      Labels labels)
      throws IOException {
    StoreLayout layout = rules.access(ref);
    StoreIndex index = session.index(ref.store());
    if (index.byName(name).isPresent()) {
      throw new ConflictException("the name " + name + " is taken in " + ref);
    }
    rules.refuseForeignFile(layout, name);
    rules.checkContainerTotal(session);
    session.changing();
    String token = rules.token();
    Path temp = layout.newImage(name, token);
    ImageTool.Result made = qemuImg.createImage(temp, sizeBytes);
    long size = made.succeeded() ? header(temp).sizeBytes() : sizeBytes;
    ContainerRecord record = masterRecord(name, token, content, group, size, labels);
    layout.writeRecord(record);
    make(layout, record, temp, made);
    index.put(record);
    return rules.container(layout, record);
  }

  Container adoptOrigin(
      RootState.Session session,
      StoreRef ref,
      String name,
      ContentId content,
      GroupId group,
      Labels labels)
      throws IOException {
    StoreLayout layout = rules.access(ref);
    StoreIndex index = session.index(ref.store());
    if (index.byName(name).isPresent()) {
      throw new ConflictException("the adapter already manages " + name + " in " + ref);
    }
    Path image = layout.image(name);
    if (!Files.isRegularFile(image)) {
      throw new IllegalArgumentException("no image file " + image);
    }
    Qcow2Header header = header(image);
    if (header.hasBackingFile()) {
      throw new IllegalArgumentException(
          image + " is an overlay of " + header.backingFile() + "; an origin must stand alone");
    }
    rules.checkContainerTotal(session);
    session.changing();
    ContainerRecord record =
        masterRecord(name, rules.token(), content, group, header.sizeBytes(), labels);
    layout.writeRecord(record);
    index.put(record);
    return rules.container(layout, record);
  }

  void delete(RootState.Session session, StoreRef ref, ContainerId id, CopyAborter aborter)
      throws IOException {
    StoreLayout layout = rules.access(ref);
    Optional<ContainerRecord> found = rules.find(session, ref, id);
    if (found.isEmpty()) {
      return;
    }
    ContainerRecord record = found.get();
    StoreIndex index = session.index(ref.store());
    List<ContainerRecord> dependents = index.dependentsOf(id);
    if (!dependents.isEmpty()) {
      throw new ConflictException(
          id + " is the source of " + dependents.size() + " container(s), among them "
              + dependents.get(0).name());
    }
    if (record.kind() == ContainerKind.PHYSICAL_MASTER) {
      index.clearBackings(); // overlays made by hand count too: read every header now
      StoreScanner.readImages(layout, index);
    }
    List<String> overlays = index.overlaysOf(record.name());
    if (!overlays.isEmpty()) {
      throw new ConflictException(
          id + " is the backing file of " + overlays.size() + " image(s), among them "
              + overlays.get(0));
    }
    session.changing();
    if (record.state() == ContainerState.COPYING) {
      layout.deleteRecord(record.name());
      index.remove(record.name());
      aborter.abort(layout, record);
      return;
    }
    Files.deleteIfExists(layout.image(record.name())); // first: a crash then leaves a record to drop
    layout.deleteRecord(record.name());
    index.remove(record.name());
  }

  private static ContainerRecord masterRecord(
      String name, String token, ContentId content, GroupId group, long size, Labels labels) {
    return new ContainerRecord(
        name,
        token,
        ContainerKind.PHYSICAL_MASTER,
        ContainerState.READY,
        content,
        group,
        null,
        size,
        0,
        null,
        labels.asMap());
  }

  /**
   * Finishes a new image made by qemu-img at {@code temp}: flushed and renamed into place, or, if
   * qemu-img failed, its record and temporary file removed.
   */
  private static void make(
      StoreLayout layout, ContainerRecord record, Path temp, ImageTool.Result made)
      throws IOException {
    if (!made.succeeded()) {
      Files.deleteIfExists(temp);
      layout.deleteRecord(record.name());
      throw new TransientArrayException(
          "qemu-img could not make " + record.name() + " (exit " + made.exitCode() + "): "
              + made.errors());
    }
    StoreRules.flush(temp);
    StoreLayout.moveAtomically(temp, layout.image(record.name()));
    StoreLayout.syncDirectory(layout.dir());
  }

  private static Qcow2Header header(Path image) throws IOException {
    return Qcow2Header.read(image)
        .orElseThrow(() -> new IllegalArgumentException(image + " is not a qcow2 image"));
  }
}
