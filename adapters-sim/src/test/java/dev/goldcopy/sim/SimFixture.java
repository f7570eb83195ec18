package dev.goldcopy.sim;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.util.concurrent.CompletionStage;

/** The conformance kit's view of a fresh simulated array with two tenants' stores. */
final class SimFixture implements ConformanceFixture {
  private final SimulatedArray sim;
  private final StoreRef store;
  private final StoreRef other;

  SimFixture(VendorProfile profile) {
    this.sim = SimulatedArray.builder().profile(profile).seed(7).build();
    this.store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    this.other = sim.addStore(TenantId.of("globex"), StoreId.of("pool-9"));
  }

  @Override
  public ArrayAdapter adapter() {
    return sim;
  }

  @Override
  public StoreRef store() {
    return store;
  }

  @Override
  public StoreRef otherTenantStore() {
    return other;
  }

  @Override
  public Container createOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
    return sim.createOrigin(store, name, content, group, sizeBytes);
  }

  @Override
  public <T> T await(CompletionStage<T> stage) {
    return sim.await(stage);
  }

  @Override
  public boolean failPhysicalCopies(boolean fail) {
    sim.setFaults(fail ? FaultPlan.builder().incompleteCopyRate(1.0).build() : FaultPlan.none());
    return true;
  }

  @Override
  public void close() {
    sim.runUntilIdle();
    if (!sim.records().limitViolations().isEmpty()) {
      throw new AssertionError("limit violations: " + sim.records().limitViolations());
    }
  }
}
