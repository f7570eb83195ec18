package dev.goldcopy.benchmarks;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One strategy in the side-by-side comparison, run on a fresh simulated array. */
public interface Contender {

  /**
   * Returns the strategy's name, as the table prints it.
   *
   * @return the name
   */
  String name();

  /**
   * Starts provisioning {@code demand} from {@code origin}; the caller drives the simulator until
   * the returned stage completes.
   *
   * @param sim the simulated array, holding the store and its ready origin
   * @param store the calling tenant and store
   * @param origin the ready origin master
   * @param demand the VMs to provision
   * @return a stage that completes when the strategy is done
   */
  CompletableFuture<?> start(SimulatedArray sim, StoreRef store, Container origin, Demand demand);

  /**
   * Returns the name this strategy gives a VM's virtual copy, so the check can find it.
   *
   * @param vm the VM
   * @return the virtual copy's name
   */
  String cloneName(VmId vm);

  /**
   * Returns whether this is a baseline (what one writes without Goldcopy), which the summary
   * compares Goldcopy with; Goldcopy's own variants are not.
   *
   * @return true unless overridden
   */
  default boolean baseline() {
    return true;
  }

  /**
   * Returns the planned fan-out executor ({@code ReplicationExecutor} with its defaults) on the
   * simulator's virtual time, naming clones after their VM as the planner does.
   *
   * @return the contender
   */
  static Contender plannedExecutor() {
    return new PlannedExecutorContender(false);
  }

  /**
   * Returns the planned executor through an adapter that does not say how many copies one source
   * feeds at full rate, as an adapter for an array that publishes no such figure runs it.
   *
   * @return the contender
   */
  static Contender plannedExecutorSilentOnSourceReads() {
    return new PlannedExecutorContender(true);
  }

  /**
   * Returns the parallel script ({@link ParallelScriptStrategy}), naming clones after their VM.
   *
   * @param pipelined whether a master's clones start as soon as it is ready
   * @return the contender
   */
  static Contender parallelScript(boolean pipelined) {
    return new Contender() {
      @Override
      public String name() {
        return pipelined ? "parallel script, pipelined" : "parallel script, copies then clones";
      }

      @Override
      public CompletableFuture<?> start(
          SimulatedArray sim, StoreRef store, Container origin, Demand demand) {
        return new ParallelScriptStrategy(sim, sim::schedule, pipelined)
            .provision(store, origin, vmNames(demand));
      }

      @Override
      public String cloneName(VmId vm) {
        return vm.value();
      }
    };
  }

  /**
   * Returns the fan-out tree script ({@link FanOutTreeStrategy}), naming clones after their VM.
   *
   * @return the contender
   */
  static Contender fanOutTree() {
    return new Contender() {
      @Override
      public String name() {
        return "fan-out tree script, one copy per source";
      }

      @Override
      public CompletableFuture<?> start(
          SimulatedArray sim, StoreRef store, Container origin, Demand demand) {
        return new FanOutTreeStrategy(sim, sim::schedule).provision(store, origin, vmNames(demand));
      }

      @Override
      public String cloneName(VmId vm) {
        return vm.value();
      }
    };
  }

  /**
   * Returns the reactive baseline ({@link ReactiveStrategy}), naming clones after their VM.
   *
   * @return the contender
   */
  static Contender reactive() {
    return new Contender() {
      @Override
      public String name() {
        return "reactive, like Cinder's Unity driver";
      }

      @Override
      public CompletableFuture<?> start(
          SimulatedArray sim, StoreRef store, Container origin, Demand demand) {
        return new ReactiveStrategy(sim, sim::schedule).provision(store, origin, vmNames(demand));
      }

      @Override
      public String cloneName(VmId vm) {
        return vm.value();
      }
    };
  }

  /**
   * Returns the sequential baseline ({@link SequentialCopyStrategy}), naming clones after their VM.
   *
   * @return the contender
   */
  static Contender sequential() {
    return new Contender() {
      @Override
      public String name() {
        return "sequential copies, then clones (floor)";
      }

      @Override
      public CompletableFuture<?> start(
          SimulatedArray sim, StoreRef store, Container origin, Demand demand) {
        return new SequentialCopyStrategy(sim, sim::schedule)
            .provision(store, origin, vmNames(demand));
      }

      @Override
      public String cloneName(VmId vm) {
        return vm.value();
      }
    };
  }

  /**
   * Returns the VMs' identifiers, in the demand's order, as clone names.
   *
   * @param demand the demand
   * @return one name per VM
   */
  static List<String> vmNames(Demand demand) {
    return demand.vms().keySet().stream().map(VmId::value).toList();
  }
}
