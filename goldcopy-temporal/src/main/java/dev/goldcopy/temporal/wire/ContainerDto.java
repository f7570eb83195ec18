package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A container on the wire.
 *
 * @param id the array's identifier
 * @param name its name in the store
 * @param kind physical master or virtual copy
 * @param imageId the image it holds
 * @param version the image version
 * @param group the replica group of a master; null for a virtual copy
 * @param source the id it was copied from; null for an origin
 * @param sizeBytes its logical size
 * @param state ready, copying or failed
 * @param labels its labels, sorted by key
 */
public record ContainerDto(
    String id,
    String name,
    ContainerKind kind,
    String imageId,
    String version,
    @Nullable String group,
    @Nullable String source,
    long sizeBytes,
    ContainerState state,
    Map<String, String> labels) {

  /**
   * Checks the fields and takes a sorted, immutable copy of the labels.
   *
   * @throws NullPointerException if a required field is null
   */
  public ContainerDto {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(imageId, "imageId");
    requireNonNull(version, "version");
    requireNonNull(state, "state");
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /**
   * Writes a container.
   *
   * @param c the container
   * @return its wire form
   */
  public static ContainerDto of(Container c) {
    GroupId group = c.group();
    ContainerId source = c.source();
    return new ContainerDto(
        c.id().value(),
        c.name(),
        c.kind(),
        c.content().imageId(),
        c.content().version(),
        group == null ? null : group.value(),
        source == null ? null : source.value(),
        c.sizeBytes(),
        c.state(),
        c.labels().asMap());
  }

  /**
   * Reads the container back.
   *
   * @param store the store it belongs to
   * @return the container
   */
  public Container toContainer(StoreRef store) {
    String g = group;
    String s = source;
    return new Container(
        ContainerId.of(id),
        name,
        kind,
        ContentId.of(imageId, version),
        g == null ? null : GroupId.of(g),
        s == null ? null : ContainerId.of(s),
        store,
        sizeBytes,
        state,
        Labels.of(labels));
  }

  /**
   * Returns whether this is a physical master.
   *
   * @return true for a master
   */
  public boolean master() {
    return kind == ContainerKind.PHYSICAL_MASTER;
  }

  /**
   * Returns whether the container is ready.
   *
   * @return true when its state is {@link ContainerState#READY}
   */
  public boolean ready() {
    return state == ContainerState.READY;
  }
}
