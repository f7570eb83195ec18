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

/** The simulator's mutable record of one container. */
final class SimContainer {
  final ContainerId id;
  final String name;
  final ContainerKind kind;
  final ContentId content;
  final @Nullable GroupId group;
  final @Nullable ContainerId source;
  /** The source of a virtual copy, which cannot go while the copy exists; null for a master. */
  final @Nullable SimContainer parent;
  final SimStore store;
  final long sizeBytes;
  /** The capacity it holds: its size for a master, the clone growth for a virtual copy. */
  final long reservedBytes;
  /** 0 for a master, the source's depth plus one for a virtual copy. */
  final int depth;
  /** The labels set at creation. */
  final Labels labels;

  ContainerState state;
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

  private @Nullable Container view;

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
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.content = content;
    this.group = group;
    this.source = source;
    this.parent = parent;
    this.store = store;
    this.sizeBytes = sizeBytes;
    this.reservedBytes = reservedBytes;
    this.depth = depth;
    this.state = state;
    this.labels = labels;
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
    state = newState;
    view = null;
  }

  /**
   * Returns the container as the SPI reports it, built once per state and kept for the next
   * inventory: for listings, which are read many times.
   */
  Container view() {
    Container v = view;
    if (v == null) {
      v = freshView();
      view = v;
    }
    return v;
  }

  /**
   * Returns the container as the SPI reports it without keeping it (unless it is kept already): for
   * the answer to the create that made it, which the caller usually reads once, so that a million
   * containers no inventory has listed cost no million views.
   */
  Container answerView() {
    Container v = view;
    return v != null ? v : freshView();
  }

  private Container freshView() {
    return new Container(id, name, kind, content, group, source, store.ref, sizeBytes, state, labels);
  }
}
