package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.spi.ContentId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The virtual machines that must run from a store, each with the image version it runs. VMs
 * provisioned earlier that are still wanted are listed too: a VM absent from the demand has its
 * virtual copy deleted (within the policy's deletion guard).
 *
 * <p>Every VM's disk is <b>persistent</b> unless the demand says it may be recreated: a persistent
 * VM whose image version changes keeps its clone, and the plan reports it as due for a recompose,
 * which happens only for the VMs listed in {@link #recompose()}. A recreatable (non-persistent) VM
 * is recreated on its new version.
 *
 * @param vms each VM with its image version, sorted by VM id
 * @param recreatable the VMs whose disks may be deleted and made again (non-persistent VMs)
 * @param recompose the persistent VMs whose disks the caller asks to recreate on their new version
 */
public record Demand(
    ImmutableSortedMap<VmId, ContentId> vms,
    ImmutableSet<VmId> recreatable,
    ImmutableSet<VmId> recompose) {

  /**
   * The most VMs one store's demand may hold. Larger demands are refused before anything is
   * allocated for them.
   */
  public static final int MAX_VMS_PER_STORE = 5_000_000;

  /**
   * Checks the demand.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if it holds more than {@link #MAX_VMS_PER_STORE} VMs, or
   *     {@code recreatable} or {@code recompose} names a VM not in {@code vms}
   */
  public Demand {
    requireNonNull(vms, "vms");
    requireNonNull(recreatable, "recreatable");
    requireNonNull(recompose, "recompose");
    if (vms.size() > MAX_VMS_PER_STORE) {
      throw new IllegalArgumentException(
          "demand.vms: " + vms.size() + " VMs, more than the " + MAX_VMS_PER_STORE + " one store may hold");
    }
    for (VmId vm : recreatable) {
      if (!vms.containsKey(vm)) {
        throw new IllegalArgumentException("demand.recreatable: VM " + vm + " is not in the demand");
      }
    }
    for (VmId vm : recompose) {
      if (!vms.containsKey(vm)) {
        throw new IllegalArgumentException("demand.recompose: VM " + vm + " is not in the demand");
      }
    }
  }

  /**
   * Creates a demand of persistent VMs.
   *
   * @param vms each VM with its image version
   */
  public Demand(ImmutableSortedMap<VmId, ContentId> vms) {
    this(vms, ImmutableSet.of(), ImmutableSet.of());
  }

  /**
   * Returns a demand with no VMs: everything provisioned is to be removed, which the deletion
   * guard refuses unless the run opts in.
   *
   * @return the empty demand
   */
  public static Demand none() {
    return new Demand(ImmutableSortedMap.of());
  }

  /**
   * Returns whether {@code vm}'s disk may be deleted and made again.
   *
   * @param vm a VM of the demand
   * @return true if it is recreatable (non-persistent) or listed for a recompose
   */
  public boolean mayRecreate(VmId vm) {
    return recreatable.contains(vm) || recompose.contains(vm);
  }

  /**
   * Returns this demand with every VM recreatable (non-persistent), as pools of floating desktops
   * are.
   *
   * @return the new demand
   */
  public Demand allRecreatable() {
    return new Demand(vms, vms.keySet(), recompose);
  }

  /**
   * Returns this demand asking to recompose {@code vms}: their persistent disks are recreated on
   * the image version the demand gives them.
   *
   * @param vmsToRecompose persistent VMs of this demand
   * @return the new demand
   * @throws IllegalArgumentException if a VM is not in the demand
   */
  public Demand recomposing(Set<VmId> vmsToRecompose) {
    return new Demand(
        vms, recreatable, ImmutableSet.<VmId>builder().addAll(recompose).addAll(vmsToRecompose).build());
  }

  /**
   * Returns a demand of {@code count} VMs named {@code prefix-00001} and on, all running {@code
   * image}.
   *
   * @param image the image version
   * @param prefix the VM name prefix
   * @param count how many VMs
   * @return the demand
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static Demand of(ContentId image, String prefix, int count) {
    if (count < 0 || count > MAX_VMS_PER_STORE) {
      throw new IllegalArgumentException(
          "count must be 0 to " + MAX_VMS_PER_STORE + " (the most VMs of one store): " + count);
    }
    requireNonNull(image, "image");
    requireNonNull(prefix, "prefix");
    // The names are distinct by construction: no duplicate check, one sort.
    ImmutableSortedMap.Builder<VmId, ContentId> vms = ImmutableSortedMap.naturalOrder();
    StringBuilder name = new StringBuilder(prefix.length() + 8);
    for (int i = 1; i <= count; i++) {
      name.setLength(0);
      name.append(prefix).append('-');
      String digits = Integer.toString(i);
      for (int pad = digits.length(); pad < 5; pad++) {
        name.append('0');
      }
      vms.put(VmId.of(name.append(digits).toString()), image);
    }
    return new Demand(vms.buildOrThrow());
  }

  /**
   * Returns how many VMs the demand holds.
   *
   * @return the count
   */
  public int size() {
    return vms.size();
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Demand}, refusing a VM listed twice. */
  public static final class Builder {
    private final Map<VmId, ContentId> vms = new HashMap<>();
    private final Set<VmId> recreatable = new HashSet<>();
    private final Set<VmId> recompose = new HashSet<>();

    private Builder() {}

    /**
     * Adds one VM.
     *
     * @param vm the VM
     * @param image the image version it runs
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException naming the VM if it was added before
     */
    @CanIgnoreReturnValue
    public Builder add(VmId vm, ContentId image) {
      requireNonNull(vm, "vm");
      requireNonNull(image, "image");
      ContentId previous = vms.putIfAbsent(vm, image);
      if (previous != null) {
        throw new IllegalArgumentException("demand.vms: VM " + vm + " is listed twice");
      }
      return this;
    }

    /**
     * Adds a VM whose disk may be deleted and made again (a non-persistent VM).
     *
     * @param vm the VM
     * @param image the image version it runs
     * @return this builder
     * @throws IllegalArgumentException if the VM was added before
     */
    @CanIgnoreReturnValue
    public Builder addRecreatable(VmId vm, ContentId image) {
      add(vm, image);
      recreatable.add(vm);
      return this;
    }

    /**
     * Asks to recompose a persistent VM already added: its disk is recreated on its image version.
     *
     * @param vm a VM added before
     * @return this builder
     * @throws IllegalArgumentException if the VM was not added
     */
    @CanIgnoreReturnValue
    public Builder recompose(VmId vm) {
      if (!vms.containsKey(vm)) {
        throw new IllegalArgumentException("demand.recompose: VM " + vm + " was not added");
      }
      recompose.add(vm);
      return this;
    }

    /**
     * Adds every VM of {@code demand}.
     *
     * @param demand another demand
     * @return this builder
     * @throws IllegalArgumentException naming a VM both hold
     */
    @CanIgnoreReturnValue
    public Builder addAll(Demand demand) {
      demand.vms().forEach(this::add);
      recreatable.addAll(demand.recreatable());
      recompose.addAll(demand.recompose());
      return this;
    }

    /**
     * Builds the demand.
     *
     * @return the demand
     */
    public Demand build() {
      return new Demand(
          ImmutableSortedMap.copyOf(vms), ImmutableSet.copyOf(recreatable), ImmutableSet.copyOf(recompose));
    }
  }
}
