package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Adoption;
import dev.goldcopy.plan.DeletionGuard;
import dev.goldcopy.plan.NamingStrategy;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Placement;
import dev.goldcopy.plan.PlanningPolicy;

/**
 * A {@link PlanningPolicy} on the wire. A policy crosses Temporal as data, so only its data can:
 * the adoption rule must be {@link Adoption#none()} and the naming strategy {@link
 * NamingStrategy#safe()}, which are code; {@link #of} refuses a policy with others.
 *
 * @param originServesClones see {@link PlanningPolicy}
 * @param placement see {@link PlanningPolicy}
 * @param cloneRatio see {@link PlanningPolicy}
 * @param maxMastersPerGroup see {@link PlanningPolicy}
 * @param maxConcurrentCreationsPerSource see {@link PlanningPolicy}
 * @param growthHeadroomPercent see {@link PlanningPolicy}
 * @param expectedCloneGrowthBytes see {@link PlanningPolicy}
 * @param owner the owner id ({@link PlanningPolicy#owner()}), written on every container made
 * @param deletionMaxClones {@link DeletionGuard#maxClones()}
 * @param deletionMaxPercent {@link DeletionGuard#maxPercent()}
 * @param fillCapPercent see {@link PlanningPolicy}
 * @param consolidate see {@link PlanningPolicy}
 * @param expectedConcurrentDeployments see {@link PlanningPolicy}
 * @param capCountsOrigin see {@link PlanningPolicy}
 */
public record PolicyDto(
    boolean originServesClones,
    Placement placement,
    int cloneRatio,
    int maxMastersPerGroup,
    int maxConcurrentCreationsPerSource,
    int growthHeadroomPercent,
    long expectedCloneGrowthBytes,
    String owner,
    int deletionMaxClones,
    int deletionMaxPercent,
    int fillCapPercent,
    boolean consolidate,
    int expectedConcurrentDeployments,
    boolean capCountsOrigin) {

  /**
   * Checks the fields that may not be null.
   *
   * @throws NullPointerException if {@code placement} or {@code owner} is null
   */
  public PolicyDto {
    requireNonNull(placement, "placement");
    requireNonNull(owner, "owner");
  }

  /**
   * Writes a policy.
   *
   * @param p the policy
   * @return its wire form
   * @throws IllegalArgumentException if the policy adopts containers by a rule or names them by a
   *     strategy of its own: code cannot cross Temporal
   */
  public static PolicyDto of(PlanningPolicy p) {
    if (!p.adoption().isNone()) {
      throw new IllegalArgumentException(
          "policy.adoption: a workflow's policy crosses Temporal as data; " + p.adoption()
              + " is a rule in code. Adopt those containers in-process, or label them");
    }
    if (p.naming() != NamingStrategy.safe()) {
      throw new IllegalArgumentException(
          "policy.naming: a workflow's policy crosses Temporal as data; only NamingStrategy.safe()"
              + " can");
    }
    return new PolicyDto(p.originServesClones(), p.placement(), p.cloneRatio(),
        p.maxMastersPerGroup(), p.maxConcurrentCreationsPerSource(), p.growthHeadroomPercent(),
        p.expectedCloneGrowthBytes(), p.owner().value(), p.deletionGuard().maxClones(),
        p.deletionGuard().maxPercent(), p.fillCapPercent(), p.consolidate(),
        p.expectedConcurrentDeployments(), p.capCountsOrigin());
  }

  /**
   * Reads the policy back.
   *
   * @return the policy
   */
  public PlanningPolicy toPolicy() {
    PlanningPolicy.Builder b =
        PlanningPolicy.builder()
            .originServesClones(originServesClones)
            .placement(placement)
            .growthHeadroomPercent(growthHeadroomPercent)
            .fillCapPercent(fillCapPercent)
            .expectedCloneGrowthBytes(expectedCloneGrowthBytes)
            .owner(OwnerId.of(owner))
            .deletionGuard(new DeletionGuard(deletionMaxClones, deletionMaxPercent))
            .consolidate(consolidate)
            .expectedConcurrentDeployments(expectedConcurrentDeployments)
            .capCountsOrigin(capCountsOrigin);
    // The builder takes no 0 for "no limit"; the record stores it as 0.
    if (cloneRatio == PlanningPolicy.NO_LIMIT) {
      b.noCloneRatio();
    } else {
      b.cloneRatio(cloneRatio);
    }
    if (maxMastersPerGroup == PlanningPolicy.NO_LIMIT) {
      b.unlimitedMastersPerGroup();
    } else {
      b.maxMastersPerGroup(maxMastersPerGroup);
    }
    if (maxConcurrentCreationsPerSource == PlanningPolicy.NO_LIMIT) {
      b.noThroughputRule();
    } else {
      b.maxConcurrentCreationsPerSource(maxConcurrentCreationsPerSource);
    }
    return b.build();
  }

  /**
   * Returns the owner id.
   *
   * @return the owner
   */
  public OwnerId ownerId() {
    return OwnerId.of(owner);
  }
}
