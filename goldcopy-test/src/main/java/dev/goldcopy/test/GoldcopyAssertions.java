package dev.goldcopy.test;

import dev.goldcopy.plan.ReplicationPlan;
import org.assertj.core.api.Assertions;

/**
 * The entry point of Goldcopy's AssertJ assertions. It extends AssertJ's {@link Assertions}, so
 * one static import gives both:
 *
 * <pre>{@code
 * import static dev.goldcopy.test.GoldcopyAssertions.assertThat;
 *
 * assertThat(plan).makesReplicas(12).makesClones(100).hasNoShortfall();
 * assertThat(run).succeeded().exceedsNoLimit().leftOriginPristine();
 * assertThat(run.mastersAfter()).isEqualTo(13);   // AssertJ's own
 * }</pre>
 */
public class GoldcopyAssertions extends Assertions {

  /** For subclasses that add their own entry points. */
  protected GoldcopyAssertions() {}

  /**
   * Starts assertions on a plan.
   *
   * @param actual the plan
   * @return its assertions
   */
  public static PlanAssert assertThat(ReplicationPlan actual) {
    return new PlanAssert(actual);
  }

  /**
   * Starts assertions on a provisioning run.
   *
   * @param actual the run
   * @return its assertions
   */
  public static ProvisioningAssert assertThat(Provisioning actual) {
    return new ProvisioningAssert(actual);
  }
}
