package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;

/**
 * The choices the planner makes on the operator's behalf, on top of the limits the array
 * declares. Every cap uses {@value #NO_LIMIT} for "no limit", as {@link
 * dev.goldcopy.spi.ArrayCapabilities#UNLIMITED} does.
 *
 * <p>Real products' sizing rules map onto a policy: Azure Compute Gallery's "one replica per 20
 * concurrent creations, at most 100 replicas" is {@code maxConcurrentCreationsPerSource(20)
 * .maxMastersPerGroup(100)}; Citrix MCS's {@code SharedImageGalleryReplicaRatio} 40 and {@code
 * SharedImageGalleryReplicaMaximum} 10 are {@code cloneRatio(40).maxMastersPerGroup(10)}.
 *
 * @param originServesClones whether the origin master takes new clones; when false it stays a
 *     pristine source and the replicas alone carry the VMs (clones already on it stay)
 * @param placement how new clones are spread over the masters
 * @param cloneRatio a soft per-master clone count used for sizing, below the array's hard
 *     per-source limit (Citrix's replica ratio); when the group cannot grow to honour it, masters
 *     take clones up to the array's hard limit instead; {@value #NO_LIMIT} for none
 * @param maxMastersPerGroup the most physical masters a replica group may have, the origin
 *     included (Azure and Citrix count their replicas this way); {@value #NO_LIMIT} for none
 * @param maxConcurrentCreationsPerSource how many concurrent clone creations one master serves
 *     well; the group then needs {@code ceil(concurrent creations / K)} masters for throughput;
 *     {@value #NO_LIMIT} for no throughput rule
 * @param growthHeadroomPercent extra VMs the group is sized for, as a percentage of the demanded
 *     VMs (rounded up), so growth finds masters ready; 0 for none
 * @param expectedCloneGrowthBytes the capacity each new clone is expected to take as it diverges
 *     from its master; a new replica costs its image's full size
 * @param owner the owner id written on every container the plans make, and the only one whose
 *     containers they retire or delete
 * @param adoption the containers Goldcopy did not make that it manages as its own
 * @param naming how VM and group ids become container names
 * @param deletionGuard how much of the owner's clones one plan deletes without the run's approval
 */
public record PlanningPolicy(
    boolean originServesClones,
    Placement placement,
    int cloneRatio,
    int maxMastersPerGroup,
    int maxConcurrentCreationsPerSource,
    int growthHeadroomPercent,
    long expectedCloneGrowthBytes,
    OwnerId owner,
    Adoption adoption,
    NamingStrategy naming,
    DeletionGuard deletionGuard) {

  /** The value of a cap that means "no limit". */
  public static final int NO_LIMIT = 0;

  /** The largest accepted {@link #growthHeadroomPercent()}. */
  public static final int MAX_HEADROOM_PERCENT = 1000;

  /**
   * Checks the values.
   *
   * @throws NullPointerException if {@code placement} is null
   * @throws IllegalArgumentException naming the field if a value is negative or the headroom is
   *     above {@value #MAX_HEADROOM_PERCENT}
   */
  public PlanningPolicy {
    requireNonNull(placement, "placement");
    requireNonNull(owner, "owner");
    requireNonNull(adoption, "adoption");
    requireNonNull(naming, "naming");
    requireNonNull(deletionGuard, "deletionGuard");
    nonNegative("cloneRatio", cloneRatio);
    nonNegative("maxMastersPerGroup", maxMastersPerGroup);
    nonNegative("maxConcurrentCreationsPerSource", maxConcurrentCreationsPerSource);
    nonNegative("growthHeadroomPercent", growthHeadroomPercent);
    nonNegative("expectedCloneGrowthBytes", expectedCloneGrowthBytes);
    if (growthHeadroomPercent > MAX_HEADROOM_PERCENT) {
      throw new IllegalArgumentException(
          "growthHeadroomPercent must be at most " + MAX_HEADROOM_PERCENT + ": "
              + growthHeadroomPercent);
    }
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /**
   * Returns the default policy: the origin serves clones, spread placement, no soft ratio, no
   * replica cap, no throughput rule, no headroom, clones cost no capacity up front.
   *
   * @return the default policy
   */
  public static PlanningPolicy defaults() {
    return builder().build();
  }

  /**
   * Returns a builder that starts from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that starts from this policy.
   *
   * @return a new builder holding these values
   */
  public Builder toBuilder() {
    return new Builder()
        .originServesClones(originServesClones)
        .placement(placement)
        .cloneRatio(cloneRatio)
        .maxMastersPerGroup(maxMastersPerGroup)
        .maxConcurrentCreationsPerSource(maxConcurrentCreationsPerSource)
        .growthHeadroomPercent(growthHeadroomPercent)
        .expectedCloneGrowthBytes(expectedCloneGrowthBytes)
        .owner(owner)
        .adoption(adoption)
        .naming(naming)
        .deletionGuard(deletionGuard);
  }

  /** Builds a {@link PlanningPolicy}; every setter returns this builder. */
  public static final class Builder {
    private boolean originServesClones = true;
    private Placement placement = Placement.SPREAD;
    private int cloneRatio = NO_LIMIT;
    private int maxMastersPerGroup = NO_LIMIT;
    private int maxConcurrentCreationsPerSource = NO_LIMIT;
    private int growthHeadroomPercent;
    private long expectedCloneGrowthBytes;
    private OwnerId owner = OwnerId.DEFAULT;
    private Adoption adoption = Adoption.none();
    private NamingStrategy naming = NamingStrategy.safe();
    private DeletionGuard deletionGuard = DeletionGuard.DEFAULT;

    private Builder() {}

    /**
     * Sets the owner id written on every container this policy's plans make, and the only one
     * whose containers they retire or delete.
     *
     * @param value the owner id ({@link OwnerId#DEFAULT} unless set)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder owner(OwnerId value) {
      this.owner = requireNonNull(value, "owner");
      return this;
    }

    /**
     * Sets which containers Goldcopy did not make it manages as its own ({@link Adoption#none()}
     * unless set).
     *
     * @param value the adoption
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder adoption(Adoption value) {
      this.adoption = requireNonNull(value, "adoption");
      return this;
    }

    /**
     * Sets how VM and group ids become container names ({@link NamingStrategy#safe()} unless set).
     *
     * @param value the strategy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder naming(NamingStrategy value) {
      this.naming = requireNonNull(value, "naming");
      return this;
    }

    /**
     * Sets how much of the owner's clones one plan deletes without the run's approval ({@link
     * DeletionGuard#DEFAULT} unless set).
     *
     * @param value the guard
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder deletionGuard(DeletionGuard value) {
      this.deletionGuard = requireNonNull(value, "deletionGuard");
      return this;
    }


    /**
     * Sets whether the origin takes new clones.
     *
     * @param value false to keep the origin a pristine source
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder originServesClones(boolean value) {
      this.originServesClones = value;
      return this;
    }

    /**
     * Sets the placement of new clones.
     *
     * @param value spread or pack
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder placement(Placement value) {
      this.placement = value;
      return this;
    }

    /**
     * Sets the soft per-master clone count used for sizing.
     *
     * @param value clones per master, or {@link #NO_LIMIT}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder cloneRatio(int value) {
      this.cloneRatio = value;
      return this;
    }

    /**
     * Sets the cap on masters per replica group, the origin included.
     *
     * @param value masters, or {@link #NO_LIMIT}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxMastersPerGroup(int value) {
      this.maxMastersPerGroup = value;
      return this;
    }

    /**
     * Sets how many concurrent clone creations one master serves.
     *
     * @param value creations per master, or {@link #NO_LIMIT}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxConcurrentCreationsPerSource(int value) {
      this.maxConcurrentCreationsPerSource = value;
      return this;
    }

    /**
     * Sets the growth headroom.
     *
     * @param value percent of the demanded VMs
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder growthHeadroomPercent(int value) {
      this.growthHeadroomPercent = value;
      return this;
    }

    /**
     * Sets the capacity a new clone is expected to take.
     *
     * @param value bytes
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder expectedCloneGrowthBytes(long value) {
      this.expectedCloneGrowthBytes = value;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws NullPointerException if the placement is null
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public PlanningPolicy build() {
      return new PlanningPolicy(
          originServesClones,
          placement,
          cloneRatio,
          maxMastersPerGroup,
          maxConcurrentCreationsPerSource,
          growthHeadroomPercent,
          expectedCloneGrowthBytes,
          owner,
          adoption,
          naming,
          deletionGuard);
    }
  }
}
