package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.ForwardingArrayAdapter;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * An approved plan checks each step just before it is issued: a change someone else makes to the
 * store between two steps of one round is caught before the next step acts, and nothing after it
 * is issued.
 */
class ApplyDriftTest {
  private static final VendorProfile PROFILE =
      VendorProfile.builder("apply-drift")
          .maxVirtualCopiesPerSource(4)
          .maxConcurrentPhysicalCopies(2)
          .maxConcurrentVirtualCopies(8)
          .build();

  /** The array, through which someone meddles once the replica it names has been made. */
  private static final class Meddler extends ForwardingArrayAdapter {
    private final SimulatedArray sim;
    private final String after;
    private final Consumer<Container> meddle;
    /** The changes asked for after the meddling, as "operation name-or-subject". */
    final List<String> changesAfter = new ArrayList<>();
    boolean meddled;

    Meddler(SimulatedArray sim, String after, Consumer<Container> meddle) {
      super(sim);
      this.sim = sim;
      this.after = after;
      this.meddle = meddle;
    }

    @Override
    public CompletionStage<Container> createPhysicalCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      asked("create replica " + name);
      return sim.createPhysicalCopy(store, source, name, labels).thenApply(made -> {
        if (name.equals(after) && !meddled) {
          meddled = true;
          meddle.accept(made); // before the executor hears of the copy
        }
        return made;
      });
    }

    @Override
    public CompletionStage<Container> createVirtualCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      asked("create clone " + name);
      return super.createVirtualCopy(store, source, name, labels);
    }

    @Override
    public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
      asked("delete " + container);
      return super.delete(store, container);
    }

    private void asked(String change) {
      if (meddled) {
        changesAfter.add(change);
      }
    }
  }

  private static ReplicationPlan plan(SimScenario s, Demand demand) {
    PlanningInput input = new PlanningInput(s.store, s.sim.await(s.sim.capabilities(s.store)),
        s.sim.await(s.sim.inventory(s.store)), demand);
    return ContainerReplicationPlanner.create(PlanningPolicy.defaults()).plan(input);
  }

  private static CreateReplica firstReplica(ReplicationPlan plan) {
    return plan.steps().stream().filter(CreateReplica.class::isInstance)
        .map(CreateReplica.class::cast).findFirst().orElseThrow();
  }

  private static List<CreateClone> clonesOn(ReplicationPlan plan, String master) {
    return plan.steps().stream().filter(CreateClone.class::isInstance)
        .map(CreateClone.class::cast).filter(c -> c.masterName().equals(master)).toList();
  }

  private static ExecutionResult apply(SimScenario s, Meddler array, ReplicationPlan plan,
      @Nullable Duration maxViewAge) {
    List<ExecutionEvent> events = new ArrayList<>();
    ReplicationExecutor.Builder b = ReplicationExecutor.builder(array)
        .executor(Runnable::run)
        .scheduler(s.sim::schedule)
        .clock(s.sim.clock())
        .listener(events::add);
    if (maxViewAge != null) {
      b.maxViewAge(maxViewAge);
    }
    ExecutionResult r = s.sim.await(b.build().apply(plan).result());
    s.sim.runUntilIdle();
    everyStartedStepEnded(events);
    return r;
  }

  /**
   * Each step the listeners heard start hears an end after it: finished, failed, or retried (then
   * started again). A step the gate refused when the store drifted was started, so it fails.
   */
  private static void everyStartedStepEnded(List<ExecutionEvent> events) {
    java.util.Map<String, Integer> open = new java.util.HashMap<>();
    for (ExecutionEvent e : events) {
      if (e instanceof ExecutionEvent.StepStarted st) {
        open.merge(st.step().id(), 1, Integer::sum);
      } else if (e instanceof ExecutionEvent.StepFinished f) {
        open.remove(f.step().id());
      } else if (e instanceof ExecutionEvent.StepFailed f) {
        open.remove(f.step().id());
      } else if (e instanceof ExecutionEvent.StepRetried rt) {
        open.computeIfPresent(rt.step().id(), (id, n) -> n > 1 ? n - 1 : null);
      }
    }
    assertThat(open).as("steps that started and never ended").isEmpty();
    assertThat(events).last().isInstanceOf(ExecutionEvent.RunFinished.class);
  }

  @Test
  void aReplicaDeletedBehindTheRunBeforeItsClonesIsCaughtAndNoCloneIsAskedFor() {
    SimScenario s = new SimScenario(PROFILE, 11, FaultPlan.none());
    ReplicationPlan approved = plan(s, SimScenario.demand(10));
    CreateReplica replica = firstReplica(approved);
    List<CreateClone> itsClones = clonesOn(approved, replica.name());
    assertThat(itsClones).as("the plan clones onto its replica").isNotEmpty();
    Meddler array = new Meddler(s.sim, replica.name(),
        made -> s.sim.deleteOutOfBand(s.store, made.id()));

    ExecutionResult r = apply(s, array, approved, Duration.ZERO);

    assertThat(array.meddled).isTrue();
    assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.DRIFTED);
    assertThat(r.drift()).isNotEmpty().allSatisfy(d -> {
      assertThat(d.container()).isEqualTo(replica.name());
      assertThat(d.expected()).contains("master");
    });
    assertThat(r.drift()).map(Drift::stepId)
        .isSubsetOf(itsClones.stream().map(CreateClone::id).toList());
    assertThat(r.reason()).contains("drifted").contains(replica.name());
    assertThat(array.changesAfter).as("changes asked for after the replica went").isEmpty();
    Invariants.resultMatchesArray(r, s.sim.inventoryNow(s.store), ApprovedRounds.demandOf(approved));
  }

  @Test
  void aNameTakenBetweenTwoStepsIsCaughtBeforeTheStepThatMakesItAndTheOtherVolumeIsLeft() {
    SimScenario s = new SimScenario(PROFILE, 12, FaultPlan.none());
    ReplicationPlan approved = plan(s, SimScenario.demand(10));
    CreateReplica replica = firstReplica(approved);
    CreateClone victim = clonesOn(approved, replica.name()).get(0);
    List<Container> theirs = new ArrayList<>();
    // someone else makes a volume of their own under the name the plan gives a VM's clone
    Meddler array = new Meddler(s.sim, replica.name(), made -> theirs.add(s.sim.createOrigin(
        s.store, victim.name(), ContentId.of("rhel", "9.4"), GroupId.of("theirs"), 1L << 20)));

    ExecutionResult r = apply(s, array, approved, Duration.ZERO);

    assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.DRIFTED);
    assertThat(r.drift()).anySatisfy(d -> {
      assertThat(d.stepId()).isEqualTo(victim.id());
      assertThat(d.container()).isEqualTo(victim.name());
      assertThat(d.expected()).contains("the name free");
    });
    assertThat(array.changesAfter).isEmpty();
    assertThat(s.sim.inventoryNow(s.store).find(theirs.get(0).id())).as("their volume").isPresent();
    assertThat(r.vms().values()).noneMatch(VmOutcome.Unfinished.class::isInstance);
  }

  @Test
  void betweenTwoReadsTheArrayRefusesTheDriftedStepAndTheRunEndsDriftedIssuingNothingAfter() {
    SimScenario s = new SimScenario(PROFILE, 13, FaultPlan.none());
    ReplicationPlan approved = plan(s, SimScenario.demand(10));
    CreateReplica replica = firstReplica(approved);
    List<CreateClone> itsClones = clonesOn(approved, replica.name());
    Meddler array = new Meddler(s.sim, replica.name(),
        made -> s.sim.deleteOutOfBand(s.store, made.id()));

    // a view that never ages: only the array's refusal can show the drift
    ExecutionResult r = apply(s, array, approved, Duration.ofDays(1));

    assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.DRIFTED);
    assertThat(r.drift()).anySatisfy(d -> {
      assertThat(d.stepId()).isEqualTo(replica.id());
      assertThat(d.container()).isEqualTo(replica.name());
      assertThat(d.found()).isEqualTo("it is gone");
    });
    // what was asked after the replica went is its clones, refused by the array, and nothing else
    assertThat(array.changesAfter).isNotEmpty().allSatisfy(change ->
        assertThat(itsClones.stream().map(c -> "create clone " + c.name())).contains(change));
    assertThat(s.sim.inventoryNow(s.store).containers())
        .noneMatch(c -> itsClones.stream().anyMatch(k -> k.name().equals(c.name())));
    Invariants.resultMatchesArray(r, s.sim.inventoryNow(s.store), ApprovedRounds.demandOf(approved));
  }

  @Test
  void aPlanThatDoesNotDriftRunsWithFewExtraReadsAndTheSameResultWhateverTheViewsAge() {
    List<Long> reads = new ArrayList<>();
    int steps = 0;
    for (Duration age : List.of(Duration.ofSeconds(10), Duration.ZERO)) {
      SimScenario s = new SimScenario(PROFILE, 14, FaultPlan.none());
      ReplicationPlan approved = plan(s, SimScenario.demand(40));
      Meddler array = new Meddler(s.sim, "no such name", made -> { });
      long before = inventoryReads(s);
      ExecutionResult r = apply(s, array, approved, age);
      assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.SUCCEEDED);
      Invariants.converged(s.sim, s.store, s.origin, SimScenario.demand(40));
      reads.add(inventoryReads(s) - before);
      steps = approved.steps().size();
      assertThat(reads.get(reads.size() - 1)).as("reads of %s steps", approved.steps().size())
          .isLessThan(approved.steps().size());
    }
    System.out.printf("apply of %d VMs, %d steps: %d inventory reads in all with views of up to"
        + " 10 s, %d with none%n", 40, steps, reads.get(0), reads.get(1));
    assertThat(reads.get(0)).as("an aged view reads less than none").isLessThan(reads.get(1));
  }

  private static long inventoryReads(SimScenario s) {
    return s.sim.records().calls().stream()
        .filter(c -> c.operation() == dev.goldcopy.sim.Operation.INVENTORY).count();
  }
}
