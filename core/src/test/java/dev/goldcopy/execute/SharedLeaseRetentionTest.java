package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * The lease table shared by the executors of one adapter does not keep the adapter alive: a
 * simulator's clock holds the simulator, and a table holding that clock once kept every simulator
 * an executor had run on, with all its containers, for as long as the JVM lived.
 */
class SharedLeaseRetentionTest {

  @Test
  void anAdapterNoOneHoldsIsCollectedAfterItsRun() throws InterruptedException {
    WeakReference<Object> array = runOnceAndLetGo();
    for (int attempt = 0; attempt < 50 && array.get() != null; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(array.get()).as("the simulator after its run, with nothing holding it").isNull();
  }

  @Test
  void executorsOfOneAdapterStillShareOneTableWhileTheyLive() {
    SimScenario s = new SimScenario(VendorProfile.HPE_3PAR, 1, FaultPlan.none());
    InProcessStoreLease first = InProcessStoreLease.of(s.sim, s.sim.clock());
    System.gc();
    assertThat(InProcessStoreLease.of(s.sim, s.sim.clock())).isSameAs(first);
  }

  /** Provisions a few VMs on a new simulator with the default, shared lease; keeps nothing. */
  private static WeakReference<Object> runOnceAndLetGo() {
    SimScenario s = new SimScenario(VendorProfile.HPE_3PAR, 1, FaultPlan.none());
    ExecutionResult result =
        s.sim.await(s.executor().build().start(s.store, SimScenario.demand(20)).result());
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    return new WeakReference<>(s.sim);
  }
}
