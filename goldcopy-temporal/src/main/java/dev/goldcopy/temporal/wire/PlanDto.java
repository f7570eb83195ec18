package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.CapacityPreview;
import dev.goldcopy.plan.Finding;
import dev.goldcopy.plan.GroupSizing;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ReplicationPlan} on the wire, complete enough that {@link #toPlan()} gives back a plan
 * whose {@code explain()} and {@code summary()} read as the original's.
 *
 * @param tenant the store's tenant
 * @param store the store
 * @param steps the steps, each one's dependencies first
 * @param shortfalls the demand the plan cannot meet
 * @param sizing how each replica group was sized
 * @param findings inventory anomalies left in place
 * @param capacity the capacity the plan takes and gives back
 */
public record PlanDto(
    String tenant,
    String store,
    List<StepDto> steps,
    List<ShortfallDto> shortfalls,
    List<GroupSizing> sizing,
    List<Finding> findings,
    CapacityPreview capacity) {

  /**
   * A plan on the wire that knows no capacity, as a plan assembled by hand.
   *
   * @param tenant the store's tenant
   * @param store the store
   * @param steps the steps, each one's dependencies first
   * @param shortfalls the demand the plan cannot meet
   * @param sizing how each replica group was sized
   * @param findings inventory anomalies left in place
   */
  public PlanDto(
      String tenant,
      String store,
      List<StepDto> steps,
      List<ShortfallDto> shortfalls,
      List<GroupSizing> sizing,
      List<Finding> findings) {
    this(tenant, store, steps, shortfalls, sizing, findings, CapacityPreview.UNKNOWN);
  }

  /**
   * Demand a plan cannot meet, on the wire.
   *
   * @param imageId the image
   * @param version its version
   * @param limit the limit that binds
   * @param vms the VMs left out
   * @param reason the account
   */
  public record ShortfallDto(
      String imageId, String version, Shortfall.Limit limit, List<String> vms, String reason) {
    /**
     * Checks the fields and takes an immutable copy.
     *
     * @throws NullPointerException if a field is null
     */
    public ShortfallDto {
      requireNonNull(imageId, "imageId");
      requireNonNull(version, "version");
      requireNonNull(limit, "limit");
      requireNonNull(reason, "reason");
      vms = List.copyOf(vms);
    }
  }

  /**
   * Checks the fields and takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public PlanDto {
    requireNonNull(tenant, "tenant");
    requireNonNull(store, "store");
    steps = List.copyOf(steps);
    shortfalls = List.copyOf(shortfalls);
    sizing = List.copyOf(sizing);
    findings = List.copyOf(findings);
    requireNonNull(capacity, "capacity");
  }

  /**
   * Writes a plan.
   *
   * @param plan the plan
   * @return its wire form
   */
  public static PlanDto of(ReplicationPlan plan) {
    List<StepDto> steps = new ArrayList<>(plan.steps().size());
    for (PlanStep s : plan.steps()) {
      steps.add(StepDto.of(s));
    }
    List<ShortfallDto> shortfalls = new ArrayList<>();
    for (Shortfall s : plan.shortfalls()) {
      List<String> vms = new ArrayList<>(s.vms().size());
      for (VmId vm : s.vms()) {
        vms.add(vm.value());
      }
      shortfalls.add(new ShortfallDto(
          s.content().imageId(), s.content().version(), s.limit(), vms, s.reason()));
    }
    return new PlanDto(plan.store().tenant().value(), plan.store().store().value(), steps,
        shortfalls, plan.sizing(), plan.findings(), plan.capacity());
  }

  /**
   * Reads the plan back.
   *
   * @return the plan
   */
  public ReplicationPlan toPlan() {
    List<PlanStep> list = new ArrayList<>(steps.size());
    for (StepDto s : steps) {
      list.add(s.toStep());
    }
    List<Shortfall> shorts = new ArrayList<>(shortfalls.size());
    for (ShortfallDto s : shortfalls) {
      List<VmId> vms = new ArrayList<>(s.vms().size());
      for (String vm : s.vms()) {
        vms.add(VmId.of(vm));
      }
      shorts.add(new Shortfall(ContentId.of(s.imageId(), s.version()), s.limit(), vms,
          s.reason()));
    }
    return new ReplicationPlan(
        StoreRef.of(tenant, store), list, shorts, sizing, findings, capacity);
  }

  /**
   * Returns a copy of this plan with other steps, the rest unchanged.
   *
   * @param newSteps the steps
   * @return the copy
   */
  public PlanDto withSteps(List<StepDto> newSteps) {
    return new PlanDto(tenant, store, newSteps, shortfalls, sizing, findings, capacity);
  }

  /**
   * Counts the VMs the plan leaves short.
   *
   * @return the short VMs over every shortfall
   */
  public int shortVms() {
    int n = 0;
    for (ShortfallDto s : shortfalls) {
      n += s.vms().size();
    }
    return n;
  }

}
