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
  /** Depths from here on are found by walking the sources; no real array nests clones so deep. */
  private static final short DEEP = Short.MAX_VALUE;

  /** The source of a virtual copy, which cannot go while the copy exists; null for a master. */
  final @Nullable SimContainer parent;
  final SimStore store;
  /** The capacity it holds: its size for a master, the clone growth for a virtual copy. */
  final long reservedBytes;

  /** The container as the SPI reports it, in its current state. */
  private Container view;
  /** Virtual copies (ready or being made) that have this container as their source. */
  int virtualCopies;
  /** Physical copies in progress that have this container as their source. */
  int physicalCopiesInProgress;
  /** The depth, up to {@link #DEEP}; a short, so that the record stays within 48 bytes. */
  private final short depth;
  /** Set once deleted; pending events for it then do nothing. */
  boolean removed;
  /** What making it takes while it is being made or waited for; null otherwise (almost always). */
  private @Nullable Making making;

  /** The data movement or the event that makes a container, and the calls waiting for it. */
  private static final class Making {
    /** The data movement of a physical copy in progress, if this is one. */
    @Nullable PhysicalCopy copy;
    /** The event that finishes a virtual copy being made. */
    EventLoop.@Nullable Event completion;
    /** The first call waiting for this container to finish being made; null when none. */
    @Nullable PendingCall<Container> firstWaiter;
    /** Calls that joined the first one, in the order they came; null when none (almost always). */
    @Nullable List<PendingCall<Container>> moreWaiters;

    boolean idle() {
      return copy == null && completion == null && firstWaiter == null && moreWaiters == null;
    }
  }

  /**
   * Makes the record of a container.
   *
   * @param depth 0 for a master, the source's depth plus one for a virtual copy
   */
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
    this.depth = (short) Math.min(depth, DEEP);
    this.view = new Container(id, name, kind, content, group, source, store.ref, sizeBytes, state, labels);
  }

  /** 0 for a master, the source's depth plus one for a virtual copy. */
  int depth() {
    if (depth < DEEP) {
      return depth;
    }
    int d = 0;
    for (SimContainer p = parent; p != null; p = p.parent) {
      d++;
    }
    return d;
  }

  /** The data movement of a physical copy in progress, if this is one. */
  @Nullable PhysicalCopy copy() {
    Making m = making;
    return m == null ? null : m.copy;
  }

  void copy(@Nullable PhysicalCopy value) {
    making().copy = value;
    settle();
  }

  /** The event that finishes a virtual copy being made. */
  EventLoop.@Nullable Event completion() {
    Making m = making;
    return m == null ? null : m.completion;
  }

  void completion(EventLoop.@Nullable Event value) {
    making().completion = value;
    settle();
  }

  private Making making() {
    Making m = making;
    if (m == null) {
      m = new Making();
      making = m;
    }
    return m;
  }

  /** Drops what making it took once nothing of it is left. */
  private void settle() {
    Making m = making;
    if (m != null && m.idle()) {
      making = null;
    }
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
    Making m = making();
    if (m.firstWaiter == null) {
      m.firstWaiter = call;
      return;
    }
    List<PendingCall<Container>> list = m.moreWaiters;
    if (list == null) {
      list = new ArrayList<>(1);
      m.moreWaiters = list;
    }
    list.add(call);
  }

  /** Removes and returns the calls waiting for this container, in the order they came. */
  List<PendingCall<Container>> takeWaiters() {
    Making m = making;
    if (m == null) {
      return List.of();
    }
    PendingCall<Container> first = m.firstWaiter;
    List<PendingCall<Container>> more = m.moreWaiters;
    m.firstWaiter = null;
    m.moreWaiters = null;
    settle();
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
