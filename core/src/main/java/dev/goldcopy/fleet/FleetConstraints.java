package dev.goldcopy.fleet;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.StoreRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the caller requires of a placement.
 *
 * @param allowed for some VMs, the only stores they may use
 * @param forbidden for some VMs, stores they must not use
 * @param antiAffinity each VM's anti-affinity group: two members of a group never share a store
 */
public record FleetConstraints(
    ImmutableMap<VmId, ImmutableSet<StoreRef>> allowed,
    ImmutableMap<VmId, ImmutableSet<StoreRef>> forbidden,
    ImmutableMap<VmId, String> antiAffinity) {

  private static final FleetConstraints NONE =
      new FleetConstraints(ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());

  /**
   * Returns no constraints.
   *
   * @return the empty constraints
   */
  public static FleetConstraints none() {
    return NONE;
  }

  /**
   * Returns whether {@code vm} has any constraint.
   *
   * @param vm a VM
   * @return true if it has an allowed or forbidden set or an anti-affinity group
   */
  public boolean constrains(VmId vm) {
    return allowed.containsKey(vm) || forbidden.containsKey(vm) || antiAffinity.containsKey(vm);
  }

  /**
   * Returns a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FleetConstraints}; every method returns this builder. */
  public static final class Builder {
    private final Map<VmId, ImmutableSet<StoreRef>> allowed = new HashMap<>();
    private final Map<VmId, ImmutableSet<StoreRef>> forbidden = new HashMap<>();
    private final Map<VmId, String> antiAffinity = new HashMap<>();

    private Builder() {}

    /**
     * Restricts {@code vm} to {@code stores}.
     *
     * @param vm the VM
     * @param stores the only stores it may use
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder allow(VmId vm, Set<StoreRef> stores) {
      allowed.put(vm, ImmutableSet.copyOf(stores));
      return this;
    }

    /**
     * Keeps {@code vm} off {@code stores}.
     *
     * @param vm the VM
     * @param stores stores it must not use
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder forbid(VmId vm, Set<StoreRef> stores) {
      forbidden.put(vm, ImmutableSet.copyOf(stores));
      return this;
    }

    /**
     * Puts {@code vm} in anti-affinity group {@code group}.
     *
     * @param vm the VM
     * @param group the group's name
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder antiAffinity(VmId vm, String group) {
      antiAffinity.put(vm, group);
      return this;
    }

    /**
     * Builds the constraints.
     *
     * @return the constraints
     */
    public FleetConstraints build() {
      return new FleetConstraints(ImmutableMap.copyOf(allowed), ImmutableMap.copyOf(forbidden),
          ImmutableMap.copyOf(antiAffinity));
    }
  }
}
