package dev.goldcopy.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.examples.vendor.InMemoryArrayAdapter;
import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.VmOutcome;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the embedding example on real threads against the in-memory vendor adapter. */
class ProvisioningServiceTest {
  private static final ContentId IMAGE = ContentId.of("ubuntu", "24.04.3");
  private static final StoreRef STORE = StoreRef.of("lab", "pool-a");

  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private final List<String> progress = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  private InMemoryArrayAdapter array() {
    InMemoryArrayAdapter array =
        new InMemoryArrayAdapter(ArrayCapabilities.builder().maxVirtualCopiesPerSource(16).build());
    array.addStore(STORE);
    array.addOrigin(STORE, "ubuntu-golden", IMAGE, GroupId.of("ubuntu-24"), 20L << 30);
    return array;
  }

  @Test
  void previewExplainsTheSizingBeforeAnythingIsMade() {
    InMemoryArrayAdapter array = array();
    ProvisioningService service = new ProvisioningService(array, workers, progress::add);

    ReplicationPlan plan = service.preview(STORE, Demand.of(IMAGE, "lab-vm", 100));

    // 100 VMs + 10% headroom = 110; L = 16; the origin is reserved: 1 + ceil(110 / 16) = 8.
    assertThat(plan.summary().replicas()).isEqualTo(7);
    assertThat(plan.summary().clones()).isEqualTo(100);
    assertThat(plan.explain()).contains("L = 16");
    assertThat(array.inventory(STORE).toCompletableFuture().join().containers()).hasSize(1);
    assertThat(progress).isEmpty();
  }

  @Test
  void provisionsEveryVmAndReportsProgress() {
    InMemoryArrayAdapter array = array();
    ProvisioningService service = new ProvisioningService(array, workers, progress::add);

    ExecutionResult result = service.provision(STORE, Demand.of(IMAGE, "lab-vm", 100));

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.vms()).hasSize(100);
    assertThat(result.vms().values()).allMatch(v -> v instanceof VmOutcome.Provisioned);
    List<Container> containers = array.inventory(STORE).toCompletableFuture().join().containers();
    assertThat(containers.stream().filter(Container::isMaster)).hasSize(8);
    assertThat(containers.stream().filter(c -> !c.isMaster())).hasSize(100);
    assertThat(progress).anyMatch(line -> line.startsWith("run finished: SUCCEEDED"));
  }

  @Test
  void anImageTheStoreDoesNotHoldIsShortWithTheReason() {
    ProvisioningService service = new ProvisioningService(array(), workers, progress::add);

    var plan = service.preview(STORE, Demand.of(ContentId.of("rhel", "9.6"), "vm", 3));

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.shortfalls()).singleElement().satisfies(sf -> {
      assertThat(sf.limit()).isEqualTo(dev.goldcopy.plan.Shortfall.Limit.NO_USABLE_GROUP);
      assertThat(sf.vms()).hasSize(3);
      assertThat(sf.reason()).contains("rhel@9.6");
    });
  }
}
