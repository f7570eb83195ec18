package dev.goldcopy.test;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds a hand-made {@link Inventory} for planning without a simulator: an origin, replicas of it
 * and clones on any master, labelled as Goldcopy labels its own (so the planner manages them),
 * with ids {@code c-1}, {@code c-2}, ... in the order added.
 *
 * <pre>{@code
 * Inventory inventory = InventoryBuilder.of(store)
 *     .origin("golden", ContentId.of("win11", "2026.11"), 40L << 30)
 *     .replica("win11-r001")
 *     .clones("golden", 8)           // vm-00001 .. vm-00008
 *     .clones("win11-r001", 8)       // vm-00009 .. vm-00016
 *     .build();
 * }</pre>
 *
 * Clones are named after their VMs, as the planner names them, so a demand of the same VMs ({@code
 * Demand.of(image, "vm", 16)}) keeps them.
 */
public final class InventoryBuilder {
  private final StoreRef store;
  private final Map<String, Container> byName = new LinkedHashMap<>();
  private OwnerId owner = OwnerId.DEFAULT;
  private String vmPrefix = "vm";
  private int nextVm = 1;
  private @Nullable Container origin;

  private InventoryBuilder(StoreRef store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * Starts an empty inventory of {@code store}.
   *
   * @param store the store
   * @return a new builder
   */
  public static InventoryBuilder of(StoreRef store) {
    return new InventoryBuilder(store);
  }

  /**
   * Sets the owner written on replicas and clones added after this call ({@link OwnerId#DEFAULT}
   * unless set).
   *
   * @param value the owner
   * @return this builder
   */
  @CanIgnoreReturnValue
  public InventoryBuilder owner(OwnerId value) {
    this.owner = requireNonNull(value, "owner");
    return this;
  }

  /**
   * Sets the prefix of the VMs {@link #clones(String, int)} names, and restarts their numbering.
   *
   * @param value the prefix ({@code vm} unless set)
   * @return this builder
   */
  @CanIgnoreReturnValue
  public InventoryBuilder vmPrefix(String value) {
    this.vmPrefix = requireNonNull(value, "vmPrefix");
    this.nextVm = 1;
    return this;
  }

  /**
   * Adds the origin: a ready master the user made, with no labels, in the group named after the
   * image id.
   *
   * @param name its name
   * @param content the image version
   * @param sizeBytes its size
   * @return this builder
   */
  @CanIgnoreReturnValue
  public InventoryBuilder origin(String name, ContentId content, long sizeBytes) {
    Container c = new Container(nextId(), name, ContainerKind.PHYSICAL_MASTER, content,
        GroupId.of(content.imageId()), null, store, sizeBytes, ContainerState.READY);
    this.origin = c;
    return add(c);
  }

  /**
   * Adds a ready replica of the origin, labelled as Goldcopy's.
   *
   * @param name its name
   * @return this builder
   * @throws IllegalStateException if no origin was added
   */
  @CanIgnoreReturnValue
  public InventoryBuilder replica(String name) {
    return replica(name, ContainerState.READY);
  }

  /**
   * Adds a replica of the origin in {@code state}, labelled as Goldcopy's.
   *
   * @param name its name
   * @param state ready, copying or failed
   * @return this builder
   * @throws IllegalStateException if no origin was added
   */
  @CanIgnoreReturnValue
  public InventoryBuilder replica(String name, ContainerState state) {
    Container o = requireOrigin();
    GroupId group = requireNonNull(o.group(), "group");
    return add(new Container(nextId(), name, ContainerKind.PHYSICAL_MASTER, o.content(), group,
        o.id(), store, o.sizeBytes(), state,
        Ownership.replica(owner, group, o.content(), o.name())));
  }

  /**
   * Adds {@code count} ready clones on {@code master}, for the next VMs ({@code vm-00001} on).
   *
   * @param master the name of a master added before
   * @param count how many clones
   * @return this builder
   * @throws IllegalArgumentException if no master has that name
   */
  @CanIgnoreReturnValue
  public InventoryBuilder clones(String master, int count) {
    for (int i = 0; i < count; i++) {
      clone(master, String.format(java.util.Locale.ROOT, "%s-%05d", vmPrefix, nextVm++));
    }
    return this;
  }

  /**
   * Adds a ready clone for VM {@code vm} on {@code master}, named after the VM.
   *
   * @param master the name of a master added before
   * @param vm the VM's id
   * @return this builder
   * @throws IllegalArgumentException if no master has that name
   */
  @CanIgnoreReturnValue
  public InventoryBuilder clone(String master, String vm) {
    Container m = byName.get(master);
    if (m == null || !m.isMaster()) {
      throw new IllegalArgumentException("master: no master named " + master);
    }
    return add(new Container(nextId(), vm, ContainerKind.VIRTUAL_COPY, m.content(), null, m.id(),
        store, m.sizeBytes(), ContainerState.READY,
        Ownership.clone(owner, VmId.of(vm), m.content(), m.name(), false)));
  }

  /**
   * Adds any container, as given: a foreign volume, another owner's, a failed copy.
   *
   * @param container the container; its store must be this inventory's
   * @return this builder
   */
  @CanIgnoreReturnValue
  public InventoryBuilder container(Container container) {
    return add(requireNonNull(container, "container"));
  }

  /**
   * Returns the id the next container will get, for building one by hand.
   *
   * @return the id
   */
  public ContainerId peekNextId() {
    return ContainerId.of("c-" + (byName.size() + 1));
  }

  /**
   * Builds the inventory.
   *
   * @return the inventory
   * @throws IllegalArgumentException as {@link Inventory} checks
   */
  public Inventory build() {
    return new Inventory(store, new ArrayList<>(byName.values()));
  }

  /**
   * Returns the containers added so far.
   *
   * @return them, in the order added
   */
  public List<Container> containers() {
    return List.copyOf(byName.values());
  }

  private ContainerId nextId() {
    return peekNextId();
  }

  private Container requireOrigin() {
    Container o = origin;
    if (o == null) {
      throw new IllegalStateException("add the origin first");
    }
    return o;
  }

  private InventoryBuilder add(Container c) {
    if (byName.putIfAbsent(c.name(), c) != null) {
      throw new IllegalArgumentException("name: " + c.name() + " is taken");
    }
    return this;
  }
}
