package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One container (volume, LUN, file) in a tenant store, as the array reports it.
 *
 * <p>A physical master always belongs to a replica group and has no source if it is the origin
 * (made by the user), or the master it was copied from if it is a replica. A virtual copy belongs
 * to no group and always has a source: the master (or, where the array allows it, the virtual
 * copy) it was made from.
 *
 * @param id the array's identifier for the container
 * @param name the caller-chosen name it was created with; unique within the store
 * @param kind physical master or virtual copy
 * @param content the image and version it holds
 * @param group the replica group of a physical master; {@code null} for a virtual copy
 * @param source what it was copied from; {@code null} only for an origin master
 * @param store the tenant and store that own it
 * @param sizeBytes the logical size in bytes
 * @param state ready, copying or failed
 * @param labels the labels set when it was created (empty for containers made without any)
 */
public record Container(
    ContainerId id,
    String name,
    ContainerKind kind,
    ContentId content,
    @Nullable GroupId group,
    @Nullable ContainerId source,
    StoreRef store,
    long sizeBytes,
    ContainerState state,
    Labels labels) {

  /**
   * Checks the fields and how they fit together.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException naming the field if a master has no group, a virtual copy has
   *     a group or no source, or the size is negative
   */
  public Container {
    requireNonNull(id, "id");
    Identifiers.check("name", name);
    requireNonNull(kind, "kind");
    requireNonNull(content, "content");
    requireNonNull(store, "store");
    requireNonNull(state, "state");
    requireNonNull(labels, "labels");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
    }
    if (kind == ContainerKind.PHYSICAL_MASTER && group == null) {
      throw new IllegalArgumentException("group is required for a physical master: " + name);
    }
    if (kind == ContainerKind.VIRTUAL_COPY && group != null) {
      throw new IllegalArgumentException("group must be null for a virtual copy: " + name);
    }
    if (kind == ContainerKind.VIRTUAL_COPY && source == null) {
      throw new IllegalArgumentException("source is required for a virtual copy: " + name);
    }
  }

  /**
   * Creates a container without labels.
   *
   * @param id the array's identifier for the container
   * @param name the caller-chosen name it was created with
   * @param kind physical master or virtual copy
   * @param content the image and version it holds
   * @param group the replica group of a physical master; {@code null} for a virtual copy
   * @param source what it was copied from; {@code null} only for an origin master
   * @param store the tenant and store that own it
   * @param sizeBytes the logical size in bytes
   * @param state ready, copying or failed
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Container(
      ContainerId id,
      String name,
      ContainerKind kind,
      ContentId content,
      @Nullable GroupId group,
      @Nullable ContainerId source,
      StoreRef store,
      long sizeBytes,
      ContainerState state) {
    this(id, name, kind, content, group, source, store, sizeBytes, state, Labels.empty());
  }

  /**
   * Returns this container with another state.
   *
   * @param newState the state
   * @return the copy
   */
  public Container withState(ContainerState newState) {
    return new Container(id, name, kind, content, group, source, store, sizeBytes, newState, labels);
  }

  /**
   * Returns whether this is a physical master (origin or replica).
   *
   * @return true for a physical master
   */
  public boolean isMaster() {
    return kind == ContainerKind.PHYSICAL_MASTER;
  }

  /**
   * Returns whether this is the origin of its group: a physical master the user made, copied from
   * nothing the array knows.
   *
   * @return true for an origin master
   */
  public boolean isOrigin() {
    return kind == ContainerKind.PHYSICAL_MASTER && source == null;
  }

  /**
   * Returns whether the container is complete and usable.
   *
   * @return true when {@link #state()} is {@link ContainerState#READY}
   */
  public boolean isReady() {
    return state == ContainerState.READY;
  }
}
