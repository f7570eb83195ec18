package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ForwardingArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The soak's limit watch has teeth for concurrency: a client that asks for more copies or clones
 * at once than the array declares is caught, whether it calls the array itself or is an executor
 * told a higher concurrency than the array's; an executor told the truth is not.
 */
class LimitWatchTest {
  private static final VendorProfile PROFILE =
      VendorProfile.builder("watch")
          .maxVirtualCopiesPerSource(8)
          .maxConcurrentPhysicalCopies(2)
          .maxConcurrentVirtualCopies(3)
          .build();

  /** Two clones a master: a demand of a dozen VMs needs several replicas. */
  private static final VendorProfile TIGHT =
      VendorProfile.builder("tight")
          .maxVirtualCopiesPerSource(2)
          .maxConcurrentPhysicalCopies(2)
          .maxConcurrentVirtualCopies(3)
          .build();

  @Test
  void aClientAskingForMoreCopiesAtOnceThanDeclaredIsCaught() {
    SimScenario s = new SimScenario(PROFILE, 1, FaultPlan.none());
    LimitWatch watch = new LimitWatch(s.sim);
    LimitWatch client = watch.client();
    List<CompletionStage<Container>> asked = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      asked.add(client.createPhysicalCopy(s.store, s.origin.id(), "copy-" + i, Labels.empty()));
    }

    assertThat(watch.violations())
        .singleElement()
        .asString()
        .contains("copy-2")
        .contains("2 physical copies of its own in flight")
        .contains("at most 2");
    asked.forEach(stage -> stage.toCompletableFuture().exceptionally(e -> null));
    s.sim.runUntilIdle();
  }

  @Test
  void aClientAskingForMoreClonesAtOnceThanDeclaredIsCaughtAndAnsweredOnesFreeTheirSlot() {
    SimScenario s = new SimScenario(PROFILE, 2, FaultPlan.none());
    Container second = s.sim.await(
        s.sim.createPhysicalCopy(s.store, s.origin.id(), "second", Labels.empty()));
    LimitWatch watch = new LimitWatch(s.sim);
    LimitWatch client = watch.client();
    // three clones at once: the declared concurrency, no violation
    List<CompletionStage<Container>> asked = new ArrayList<>();
    asked.add(client.createVirtualCopy(s.store, s.origin.id(), "a", Labels.empty()));
    asked.add(client.createVirtualCopy(s.store, s.origin.id(), "b", Labels.empty()));
    asked.add(client.createVirtualCopy(s.store, second.id(), "c", Labels.empty()));
    assertThat(watch.violations()).isEmpty();
    // once they have answered, three more are fine too
    asked.forEach(stage -> s.sim.await(stage));
    asked.clear();
    asked.add(client.createVirtualCopy(s.store, second.id(), "d", Labels.empty()));
    assertThat(watch.violations()).isEmpty();
    asked.add(client.createVirtualCopy(s.store, s.origin.id(), "f", Labels.empty()));
    asked.add(client.createVirtualCopy(s.store, s.origin.id(), "g", Labels.empty()));
    assertThat(watch.violations()).isEmpty();
    // another client's clones are its own to count (the array refuses this one: it is busy)
    LimitWatch other = watch.client();
    asked.add(other.createVirtualCopy(s.store, s.origin.id(), "e", Labels.empty()));
    assertThat(watch.violations()).isEmpty();
    // a fourth of the same client while three are being made is one too many
    asked.add(client.createVirtualCopy(s.store, s.origin.id(), "h", Labels.empty()));
    assertThat(watch.violations()).singleElement().asString().contains("clone h").contains("at most 3");
    asked.forEach(stage -> stage.toCompletableFuture().exceptionally(e -> null));
    s.sim.runUntilIdle();
  }

  @Test
  void anExecutorToldAHigherConcurrencyThanTheArraysIsCaughtAndOneToldTheTruthIsNot() {
    SimScenario again = new SimScenario(TIGHT, 3, FaultPlan.none());
    LimitWatch watch = new LimitWatch(again.sim);
    ExecutionResult same = again.sim.await(
        ReplicationExecutor.builder(watch.client())
            .executor(Runnable::run)
            .scheduler(again.sim::schedule)
            .clock(again.sim.clock())
            .build()
            .start(again.store, SimScenario.demand(12))
            .result());
    assertThat(same.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(watch.violations()).as("an executor told the truth").isEmpty();

    SimScenario lied = new SimScenario(TIGHT, 3, FaultPlan.none());
    LimitWatch caught = new LimitWatch(lied.sim);
    ExecutionResult over = lied.sim.await(
        ReplicationExecutor.builder(new Inflated(caught.client()))
            .executor(Runnable::run)
            .scheduler(lied.sim::schedule)
            .clock(lied.sim.clock())
            .retryPolicy(RetryPolicy.builder().maxAttempts(20).initialBackoff(Duration.ofSeconds(1))
                .seed(17).build())
            .build()
            .start(lied.store, SimScenario.demand(12))
            .result());
    assertThat(over.outcome()).isNotNull();
    assertThat(caught.violations())
        .as("an executor told the array copies more at once than it does")
        .isNotEmpty()
        .anySatisfy(v -> assertThat(v).contains("physical copies of its own in flight"));
  }

  /** Tells its caller the array runs ten times as many copies and clones at once as it does. */
  private static final class Inflated extends ForwardingArrayAdapter {
    Inflated(ArrayAdapter array) {
      super(array);
    }

    @Override
    public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
      return super.capabilities(store).thenApply(c -> c.toBuilder()
          .maxConcurrentPhysicalCopies(c.maxConcurrentPhysicalCopies() * 10)
          .maxConcurrentVirtualCopies(c.maxConcurrentVirtualCopies() * 10)
          .build());
    }
  }
}
