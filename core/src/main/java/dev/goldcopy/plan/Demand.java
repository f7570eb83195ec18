package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.spi.ContentId;
import java.util.HashMap;
import java.util.Map;

/**
 * The virtual machines that must run from a store, each with the image version it runs. VMs
 * provisioned earlier that are still wanted are listed too: a VM absent from the demand has its
 * virtual copy deleted.
 *
 * @param vms each VM with its image version, sorted by VM id
 */
public record Demand(ImmutableSortedMap<VmId, ContentId> vms) {

  /**
   * Checks the mapping.
   *
   * @throws NullPointerException if {@code vms} is null
   */
  public Demand {
    requireNonNull(vms, "vms");
  }

  /**
   * Returns a demand with no VMs: everything provisioned is to be removed.
   *
   * @return the empty demand
   */
  public static Demand none() {
    return new Demand(ImmutableSortedMap.of());
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
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
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
     * Adds every VM of {@code demand}.
     *
     * @param demand another demand
     * @return this builder
     * @throws IllegalArgumentException naming a VM both hold
     */
    @CanIgnoreReturnValue
    public Builder addAll(Demand demand) {
      demand.vms().forEach(this::add);
      return this;
    }

    /**
     * Builds the demand.
     *
     * @return the demand
     */
    public Demand build() {
      return new Demand(ImmutableSortedMap.copyOf(vms));
    }
  }
}
