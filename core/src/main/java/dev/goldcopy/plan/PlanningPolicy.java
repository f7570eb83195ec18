package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;

/**
 * The choices the planner makes on the operator's behalf, on top of the limits the array
 * declares. In the record, a cap of {@value #NO_LIMIT} means "no limit", as {@link
 * dev.goldcopy.spi.ArrayCapabilities#UNLIMITED} does; the builder never takes 0 for it: each cap
 * has a setter that takes a positive value and a named one for "none" ({@link
 * Builder#noCloneRatio()}, {@link Builder#unlimitedMastersPerGroup()}, {@link
 * Builder#noThroughputRule()}, {@link Builder#noFillCap()}).
 *
 * <p>Real products' sizing rules map onto a policy: Azure Compute Gallery's "one replica per 20
 * concurrent creations, at most 100 replicas" is {@code maxConcurrentCreationsPerSource(20)
 * .maxMastersPerGroup(100)}; Citrix MCS's {@code SharedImageGalleryReplicaRatio} 40 and {@code
 * SharedImageGalleryReplicaMaximum} 10 are {@code cloneRatio(40).maxMastersPerGroup(10)}. Azure's
 * guidance for a known load, 1,000 VMs created at once, is {@code
 * maxConcurrentCreationsPerSource(20).expectedConcurrentDeployments(1000)}: 50 masters.
 *
 * @param originServesClones whether the origin master takes new clones; when false it stays a
 *     pristine source and the replicas alone carry the VMs (clones already on it stay)
 * @param placement how new clones are spread over the masters
 * @param cloneRatio a soft per-master clone count used for sizing, below the array's hard
 *     per-source limit (Citrix's replica ratio); when the group cannot grow to honour it, masters
 *     take clones up to the hard limit instead, and the plan says so in a {@link
 *     Finding.Kind#RATIO_EXCEEDED} finding; {@value #NO_LIMIT} for none
 * @param maxMastersPerGroup the most physical masters a replica group may have, the origin
 *     included (Azure and Citrix count their replicas this way); {@value #NO_LIMIT} for none
 * @param maxConcurrentCreationsPerSource how many concurrent clone creations one master serves
 *     well; the group then needs {@code ceil(concurrent creations / K)} masters for throughput;
 *     {@value #NO_LIMIT} for no throughput rule
 * @param growthHeadroomPercent extra VMs the group is sized for, as a percentage of the demanded
 *     VMs (rounded up), so growth finds masters ready; 0 for none
 * @param fillCapPercent a hard cap on each master's clones, as a percentage of the array's
 *     per-source limit, 1 to 100 (100: the array's limit itself): {@code floor(limit x percent /
 *     100)}, at least 1 (a {@link Finding.Kind#FILL_CAP_RAISED} finding says when rounding gave 0).
 *     VMs the capped masters cannot hold are left short rather than placed above the cap. An array
 *     without a per-source limit is not capped
 * @param expectedCloneGrowthBytes the capacity each new clone is expected to take as it diverges
 *     from its master, on top of what the array declares a new clone costs ({@link
 *     dev.goldcopy.spi.CopyCosts#virtualCopyBytes()}); a new replica costs what the array declares
 *     for a physical copy of its image ({@link dev.goldcopy.spi.CopyCosts#physicalCopyBytes(long)})
 * @param owner the owner id written on every container the plans make, and the only one whose
 *     containers they retire or delete
 * @param adoption the containers Goldcopy did not make that it manages as its own
 * @param naming how VM and group ids become container names
 * @param deletionGuard how much of the owner's clones one plan deletes without the run's approval
 * @param consolidate whether a scale-down moves the clones of VMs whose disk may be recreated off
 *     the replicas the sizing no longer needs, so they can be retired; persistent disks never move
 * @param expectedConcurrentDeployments how many clone creations the caller expects at once (a
 *     boot storm, a pool refresh); the throughput rule sizes each group for this many, at most
 *     its VMs (with the headroom), instead of the clones this plan makes within the array's
 *     declared clone concurrency; {@value #NO_LIMIT} for the latter
 * @param capCountsOrigin whether {@code maxMastersPerGroup} counts the origin (Azure and Citrix
 *     count this way) or only the replicas Goldcopy makes; the plan's sizing note says which
 */
public record PlanningPolicy(
    boolean originServesClones,
    Placement placement,
    int cloneRatio,
    int maxMastersPerGroup,
    int maxConcurrentCreationsPerSource,
    int growthHeadroomPercent,
    int fillCapPercent,
    long expectedCloneGrowthBytes,
    OwnerId owner,
    Adoption adoption,
    NamingStrategy naming,
    DeletionGuard deletionGuard,
    boolean consolidate,
    int expectedConcurrentDeployments,
    boolean capCountsOrigin) {

  /** The value of a cap that means "no limit". */
  public static final int NO_LIMIT = 0;

  /** The {@link #fillCapPercent()} that caps nothing: masters fill to the array's limit. */
  public static final int NO_FILL_CAP = 100;

  /** The largest accepted {@link #growthHeadroomPercent()}. */
  public static final int MAX_HEADROOM_PERCENT = 1000;

  /**
   * Checks the values.
   *
   * @throws NullPointerException if {@code placement} is null
   * @throws IllegalArgumentException naming the field if a value is negative or the headroom is
   *     above {@value #MAX_HEADROOM_PERCENT}, or the fill cap is not 1 to 100
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
    nonNegative("expectedConcurrentDeployments", expectedConcurrentDeployments);
    if (fillCapPercent < 1 || fillCapPercent > NO_FILL_CAP) {
      throw new IllegalArgumentException(
          "fillCapPercent must be 1 to 100 (100 for no fill cap): " + fillCapPercent);
    }
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
   * replica cap, no throughput rule, no headroom, no fill cap, clones cost what the array declares
   * and no expected growth on top.
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
    Builder b = new Builder()
        .originServesClones(originServesClones)
        .placement(placement)
        .growthHeadroomPercent(growthHeadroomPercent)
        .fillCapPercent(fillCapPercent)
        .expectedCloneGrowthBytes(expectedCloneGrowthBytes)
        .owner(owner)
        .adoption(adoption)
        .naming(naming)
        .deletionGuard(deletionGuard)
        .consolidate(consolidate)
        .expectedConcurrentDeployments(expectedConcurrentDeployments)
        .capCountsOrigin(capCountsOrigin);
    b.cloneRatio = cloneRatio;
    b.maxMastersPerGroup = maxMastersPerGroup;
    b.maxConcurrentCreationsPerSource = maxConcurrentCreationsPerSource;
    return b;
  }

  /** Builds a {@link PlanningPolicy}; every setter returns this builder. */
  public static final class Builder {
    private boolean originServesClones = true;
    private Placement placement = Placement.SPREAD;
    private int cloneRatio = NO_LIMIT;
    private int maxMastersPerGroup = NO_LIMIT;
    private int maxConcurrentCreationsPerSource = NO_LIMIT;
    private int growthHeadroomPercent;
    private int fillCapPercent = NO_FILL_CAP;
    private long expectedCloneGrowthBytes;
    private boolean consolidate;
    private OwnerId owner = OwnerId.DEFAULT;
    private Adoption adoption = Adoption.none();
    private NamingStrategy naming = NamingStrategy.safe();
    private DeletionGuard deletionGuard = DeletionGuard.DEFAULT;
    private int expectedConcurrentDeployments = NO_LIMIT;
    private boolean capCountsOrigin = true;

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
     * Sets the soft per-master clone count used for sizing (none unless set).
     *
     * @param value clones per master, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is not positive; use {@link #noCloneRatio()}
     */
    @CanIgnoreReturnValue
    public Builder cloneRatio(int value) {
      this.cloneRatio = positive("cloneRatio", value, "noCloneRatio()");
      return this;
    }

    /**
     * Sizes by the array's per-source limit (and the fill cap) alone, with no soft ratio.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder noCloneRatio() {
      this.cloneRatio = NO_LIMIT;
      return this;
    }

    /**
     * Sets the cap on masters per replica group, the origin included (none unless set).
     *
     * @param value masters, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is not positive; use {@link
     *     #unlimitedMastersPerGroup()}
     */
    @CanIgnoreReturnValue
    public Builder maxMastersPerGroup(int value) {
      this.maxMastersPerGroup = positive("maxMastersPerGroup", value, "unlimitedMastersPerGroup()");
      return this;
    }

    /**
     * Lets a replica group have as many masters as its sizing needs.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder unlimitedMastersPerGroup() {
      this.maxMastersPerGroup = NO_LIMIT;
      return this;
    }

    /**
     * Sets how many concurrent clone creations one master serves (no throughput rule unless set).
     *
     * @param value creations per master, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is not positive; use {@link
     *     #noThroughputRule()}
     */
    @CanIgnoreReturnValue
    public Builder maxConcurrentCreationsPerSource(int value) {
      this.maxConcurrentCreationsPerSource =
          positive("maxConcurrentCreationsPerSource", value, "noThroughputRule()");
      return this;
    }

    /**
     * Sizes with no throughput rule: any number of creations per master.
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder noThroughputRule() {
      this.maxConcurrentCreationsPerSource = NO_LIMIT;
      return this;
    }

    /**
     * Caps every master at {@code percent} of the array's per-source limit, rounded down and at
     * least 1: 75 on an array of 8 clones per source gives masters of at most 6. VMs the capped
     * masters cannot hold are left short, never placed above the cap.
     *
     * @param percent 1 to 100
     * @return this builder
     * @throws IllegalArgumentException if {@code percent} is not 1 to 100
     */
    @CanIgnoreReturnValue
    public Builder fillCapPercent(int percent) {
      if (percent < 1 || percent > NO_FILL_CAP) {
        throw new IllegalArgumentException(
            "fillCapPercent must be 1 to 100: " + percent + "; use noFillCap() for none");
      }
      this.fillCapPercent = percent;
      return this;
    }

    /**
     * Lets masters fill to the array's per-source limit (the default).
     *
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder noFillCap() {
      this.fillCapPercent = NO_FILL_CAP;
      return this;
    }

    private static int positive(String field, int value, String none) {
      if (value < 1) {
        throw new IllegalArgumentException(
            field + " must be at least 1: " + value + "; use " + none + " for none");
      }
      return value;
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
     * Sets how many clone creations the caller expects at once, for the throughput rule.
     *
     * @param value concurrent deployments, or {@link #NO_LIMIT} to use the array's concurrency
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder expectedConcurrentDeployments(int value) {
      this.expectedConcurrentDeployments = value;
      return this;
    }

    /**
     * Sets whether the master cap counts the origin (true unless set).
     *
     * @param value false to cap only the replicas
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder capCountsOrigin(boolean value) {
      this.capCountsOrigin = value;
      return this;
    }

    /**
     * Sets the capacity a new clone is expected to take as it diverges, on top of what the array
     * declares a new clone costs (0 unless set).
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
     * Sets whether a scale-down moves the clones of VMs whose disk may be recreated ({@link
     * Demand.Builder#addRecreatable}) off the replicas the sizing no longer needs, deleting each
     * and making it again on a master that stays, so that the emptied replicas are retired. Off
     * by default: clones stay where they are and the plan's findings name the replicas kept for
     * them. Persistent disks never move.
     *
     * @param value true to consolidate
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder consolidate(boolean value) {
      this.consolidate = value;
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
          fillCapPercent,
          expectedCloneGrowthBytes,
          owner,
          adoption,
          naming,
          deletionGuard,
          consolidate,
          expectedConcurrentDeployments,
          capCountsOrigin);
    }
  }
}
