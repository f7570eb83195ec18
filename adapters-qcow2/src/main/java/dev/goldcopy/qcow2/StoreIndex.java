package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one store holds, as the adapter last read it under its lock: the records of its containers
 * and, for every image file in the directory (the adapter's or not), the file its backing file
 * points to. Only used by a thread that holds the adapter's lock.
 */
final class StoreIndex {
  private final StoreLayout layout;
  private final Map<String, ContainerRecord> records = new HashMap<>();
  private final Map<String, String> backingOf = new HashMap<>();

  StoreIndex(StoreLayout layout) {
    this.layout = layout;
  }

  StoreLayout layout() {
    return layout;
  }

  Optional<ContainerRecord> byName(String name) {
    return Optional.ofNullable(records.get(name));
  }

  /** The record with this name and token, or empty if the container is gone. */
  Optional<ContainerRecord> find(String name, String token) {
    ContainerRecord r = records.get(name);
    return r != null && r.token().equals(token) ? Optional.of(r) : Optional.empty();
  }

  Collection<ContainerRecord> records() {
    return records.values();
  }

  void put(ContainerRecord record) {
    records.put(record.name(), record);
  }

  void remove(String name) {
    records.remove(name);
    backingOf.remove(name);
  }

  /** Notes that image {@code file} in the store has {@code backing} (another file of the store). */
  void setBacking(String file, @Nullable String backing) {
    if (backing == null) {
      backingOf.remove(file);
    } else {
      backingOf.put(file, backing);
    }
  }

  /** Forgets every image's backing file, before the images are read again. */
  void clearBackings() {
    backingOf.clear();
  }

  /** The image files of the store whose backing file is {@code name}. */
  List<String> overlaysOf(String name) {
    List<String> overlays = new ArrayList<>();
    backingOf.forEach(
        (file, backing) -> {
          if (backing.equals(name)) {
            overlays.add(file);
          }
        });
    return overlays;
  }

  /** The containers that depend on {@code id}: its virtual copies and its copies in progress. */
  List<ContainerRecord> dependentsOf(ContainerId id) {
    List<ContainerRecord> dependents = new ArrayList<>();
    for (ContainerRecord r : records.values()) {
      if (id.equals(r.source())
          && (r.kind() == ContainerKind.VIRTUAL_COPY || r.state() == ContainerState.COPYING)) {
        dependents.add(r);
      }
    }
    return dependents;
  }

  /** How many virtual copies have {@code source} as their source. */
  int virtualCopiesOf(ContainerId source) {
    int n = 0;
    for (ContainerRecord r : records.values()) {
      if (r.kind() == ContainerKind.VIRTUAL_COPY && source.equals(r.source())) {
        n++;
      }
    }
    return n;
  }

  int virtualCopies() {
    int n = 0;
    for (ContainerRecord r : records.values()) {
      if (r.kind() == ContainerKind.VIRTUAL_COPY) {
        n++;
      }
    }
    return n;
  }

  int containers() {
    return records.size();
  }

  List<ContainerRecord> copying() {
    List<ContainerRecord> copying = new ArrayList<>();
    for (ContainerRecord r : records.values()) {
      if (r.state() == ContainerState.COPYING) {
        copying.add(r);
      }
    }
    return copying;
  }
}
