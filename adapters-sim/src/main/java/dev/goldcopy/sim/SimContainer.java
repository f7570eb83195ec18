package dev.goldcopy.sim;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's mutable record of one container. What the SPI reports of it (identifier, name,
 * kind, content, group, source, store, size, state and labels) is held once, as the {@link
 * Container} the array lists and answers with, replaced when the state changes; this record adds
 * only the simulator's own bookkeeping, so a million containers cost no second copy of those fields
 * and no second object per listing.
 */
final class SimContainer {
  /** The source of a virtual copy, which cannot go while the copy exists; null for a master. */
  final @Nullable SimContainer parent;
  final SimStore store;
  /** The capacity it holds: its size for a master, the clone growth for a virtual copy. */
  final long reservedBytes;
  /** 0 for a master, the source's depth plus one for a virtual copy. */
  final int depth;

  /** The container as the SPI reports it, in its current state. */
  private Container view;
  /** Virtual copies (ready or being made) that have this container as their source. */
  int virtualCopies;
  /** Physical copies in progress that have this container as their source. */
  int physicalCopiesInProgress;
  /** Set once deleted; pending events for it then do nothing. */
  boolean removed;
  /** The data movement of a physical copy in progress, if this is one. */
  @Nullable PhysicalCopy copy;
  /** The event that finishes a virtual copy being made. */
  EventLoop.@Nullable Event completion;
  /** The first call waiting for this container to finish being made; null when none. */
  private @Nullable PendingCall<Container> firstWaiter;
  /** Calls that joined the first one, in the order they came; null when none (almost always). */
  private @Nullable List<PendingCall<Container>> moreWaiters;

  SimContainer(
      ContainerId id,
      String name,
      ContainerKind kind,
      ContentId content,
      @Nullable GroupId group,
      @Nullable ContainerId source,
      @Nullable SimContainer parent,
      SimStore store,
      long sizeBytes,
      long reservedBytes,
      int depth,
      ContainerState state,
      Labels labels) {
    this.parent = parent;
    this.store = store;
    this.reservedBytes = reservedBytes;
    this.depth = depth;
    this.view = new Container(id, name, kind, content, group, source, store.ref, sizeBytes, state, labels);
  }

  ContainerId id() {
    return view.id();
  }

  String name() {
    return view.name();
  }

  ContainerKind kind() {
    return view.kind();
  }

  ContentId content() {
    return view.content();
  }

  @Nullable GroupId group() {
    return view.group();
  }

  @Nullable ContainerId source() {
    return view.source();
  }

  long sizeBytes() {
    return view.sizeBytes();
  }

  ContainerState state() {
    return view.state();
  }

  /** Adds a call that waits for this container to finish being made. */
  void addWaiter(PendingCall<Container> call) {
    if (firstWaiter == null) {
      firstWaiter = call;
      return;
    }
    List<PendingCall<Container>> list = moreWaiters;
    if (list == null) {
      list = new ArrayList<>(1);
      moreWaiters = list;
    }
    list.add(call);
  }

  /** Removes and returns the calls waiting for this container, in the order they came. */
  List<PendingCall<Container>> takeWaiters() {
    PendingCall<Container> first = firstWaiter;
    List<PendingCall<Container>> more = moreWaiters;
    firstWaiter = null;
    moreWaiters = null;
    if (first == null) {
      return List.of();
    }
    if (more == null) {
      return List.of(first);
    }
    List<PendingCall<Container>> all = new ArrayList<>(more.size() + 1);
    all.add(first);
    all.addAll(more);
    return all;
  }

  void setState(ContainerState newState) {
    view = view.withState(newState);
  }

  /** Returns the container as the SPI reports it now: for listings and answers alike. */
  Container view() {
    return view;
  }
}
