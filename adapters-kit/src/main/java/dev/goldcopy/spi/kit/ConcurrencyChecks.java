package dev.goldcopy.spi.kit;

import static dev.goldcopy.spi.kit.KitSession.check;
import static dev.goldcopy.spi.kit.KitSession.checkEqual;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Limits, names and concurrency under callers on real threads, started at one barrier. */
abstract class ConcurrencyChecks extends LimitChecks {
  private static final int MAX_THREADS = 32;
  private static final int BUSY_RETRIES = 50;

  ConcurrencyChecks() {}

  @Test
  @DisplayName("Concurrency: the per-source limit holds under concurrent callers")
  void perSourceLimitHoldsUnderConcurrentCallers() {
    ArrayCapabilities caps = kit().capabilities();
    int limit = caps.maxVirtualCopiesPerSource();
    assumeTrue(caps.virtualCopiesSupported() && ArrayCapabilities.isLimited(limit) && limit + 4 <= MAX_THREADS,
        "the adapter declares a per-source limit of at most " + (MAX_THREADS - 4));
    int callers = limit + 4;
    assumeTrue(caps.remainingVirtualCopies() >= callers && caps.remainingContainers() > callers,
        "the array-wide totals leave room for every caller");
    Container origin = kit().origin(kit().name("o"));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      names.add(kit().name("v"));
    }
    String call = callers + " threads at once: createVirtualCopy(" + origin.id() + ", a name each)";

    List<CompletionStage<Container>> stages = race(callers,
        i -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), names.get(i), Labels.empty()));
    List<@Nullable ArrayException> outcomes = settleAll(stages,
        i -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), names.get(i), Labels.empty()));
    int made = 0;
    for (ArrayException error : outcomes) {
      if (error == null) {
        made++;
      } else {
        check(error instanceof LimitReachedException l && l.scope() == LimitReachedException.Scope.PER_SOURCE,
            Rule.RACE, call, "each refusal is LimitReachedException(PER_SOURCE)", () -> Violation.describe(error));
      }
    }

    checkEqual(Rule.RACE, call + ": copies made", limit, made);
    long listed = kit().inventory().containers().stream()
        .filter(c -> c.kind() == ContainerKind.VIRTUAL_COPY && origin.id().equals(c.source())).count();
    checkEqual(Rule.RACE, "inventory(): virtual copies of " + origin.id() + " after the race", (long) limit, listed);
  }

  @Test
  @DisplayName("Concurrency: the same name from many threads gives one container")
  void sameNameFromManyThreadsGivesOneContainer() {
    ArrayCapabilities caps = kit().capabilities();
    assumeTrue(caps.virtualCopiesSupported() && caps.remainingVirtualCopies() >= 1, "room for a virtual copy");
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("v");
    int callers = 8;
    String call = callers + " threads at once: createVirtualCopy(" + origin.id() + ", " + name + ")";

    List<CompletionStage<Container>> stages = race(callers,
        i -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), name, Labels.empty()));
    List<@Nullable ArrayException> outcomes = settleAll(stages,
        i -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), name, Labels.empty()));
    for (ArrayException error : outcomes) {
      if (error != null) {
        throw Violation.of(Rule.IDEMPOTENT, call, "every caller gets the one container", error);
      }
    }
    Set<Object> ids = new HashSet<>();
    for (Container c : kit().inventory().containers()) {
      if (c.name().equals(name)) {
        ids.add(c.id());
      }
    }

    checkEqual(Rule.IDEMPOTENT, call + ": distinct ids returned", 1, ids.size());
    checkEqual(Rule.IDEMPOTENT, call + ": containers named " + name, 1L,
        kit().inventory().containers().stream().filter(c -> c.name().equals(name)).count());
  }

  @Test
  @DisplayName("Concurrency: no more physical copies run at once than declared")
  void noMorePhysicalCopiesRunAtOnceThanDeclared() {
    ArrayCapabilities caps = kit().capabilities();
    int limit = caps.maxConcurrentPhysicalCopies();
    assumeTrue(ArrayCapabilities.isLimited(limit) && limit + 2 <= MAX_THREADS,
        "the adapter declares a physical copy concurrency of at most " + (MAX_THREADS - 2));
    int callers = limit + 2;
    assumeTrue(caps.remainingContainers() > callers, "the container total leaves room for every caller");
    assumeTrue(caps.freeCapacityBytes() / Math.max(1, KitSession.ORIGIN_SIZE) > callers + 1,
        "the free capacity holds a copy for every caller");
    Container origin = kit().origin(kit().name("o"));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      names.add(kit().name("r"));
    }
    concurrencyHolds(limit, names, "createPhysicalCopy",
        i -> kit().adapter().createPhysicalCopy(kit().store(), origin.id(), names.get(i), Labels.empty()));
  }

  @Test
  @DisplayName("Concurrency: no more virtual copies are made at once than declared")
  void noMoreVirtualCopiesAreMadeAtOnceThanDeclared() {
    ArrayCapabilities caps = kit().capabilities();
    int limit = caps.maxConcurrentVirtualCopies();
    assumeTrue(caps.virtualCopiesSupported() && ArrayCapabilities.isLimited(limit) && limit + 2 <= MAX_THREADS,
        "the adapter declares a virtual copy concurrency of at most " + (MAX_THREADS - 2));
    int callers = limit + 2;
    int perSource = caps.maxVirtualCopiesPerSource();
    assumeTrue(!ArrayCapabilities.isLimited(perSource) || perSource >= callers,
        "one source may have a copy for every caller");
    assumeTrue(caps.remainingVirtualCopies() >= callers && caps.remainingContainers() > callers,
        "the array-wide totals leave room for every caller");
    Container origin = kit().origin(kit().name("o"));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      names.add(kit().name("v"));
    }
    concurrencyHolds(limit, names, "createVirtualCopy",
        i -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), names.get(i), Labels.empty()));
  }

  private void concurrencyHolds(int limit, List<String> names, String method,
      IntFunction<CompletionStage<Container>> create) {
    String call = names.size() + " threads at once: " + method + ", a name each, with at most " + limit + " at once";
    List<CompletionStage<Container>> stages = race(names.size(), create);
    long running = kit().inventory().containers().stream()
        .filter(c -> names.contains(c.name()) && c.state() == ContainerState.COPYING).count();
    check(running <= limit, Rule.BUSY, call + ", then inventory()", "at most " + limit + " COPYING",
        () -> running + " COPYING");
    for (int i = 0; i < stages.size(); i++) {
      try {
        kit().madeBy(kit().await(stages.get(i)));
      } catch (ArrayException e) {
        check(e instanceof BusyException && e.retryable(), Rule.BUSY, call, "each refusal is BusyException",
            () -> Violation.describe(e));
        String name = names.get(i);
        check(kit().inventory().findByName(name).isEmpty(), Rule.BUSY, call,
            "nothing made for the refused " + name, () -> "it is listed");
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(500, 5L * (attempt + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code calls} on as many threads, released together, and returns their stages in order. */
  private static <T> List<CompletionStage<T>> race(int calls, IntFunction<CompletionStage<T>> call) {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      CyclicBarrier start = new CyclicBarrier(calls);
      List<Future<CompletionStage<T>>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          return call.apply(index);
        }));
      }
      List<CompletionStage<T>> stages = new ArrayList<>();
      for (Future<CompletionStage<T>> f : futures) {
        stages.add(f.get());
      }
      return stages;
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent call threw instead of returning a stage", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits for every stage, then repeats the calls that were answered busy, one at a time, until
   * they are answered otherwise; returns each call's final error, or null where it succeeded.
   */
  private List<@Nullable ArrayException> settleAll(
      List<CompletionStage<Container>> stages, IntFunction<CompletionStage<Container>> again) {
    List<@Nullable ArrayException> outcomes = new ArrayList<>();
    for (CompletionStage<Container> stage : stages) {
      outcomes.add(outcome(stage));
    }
    for (int i = 0; i < outcomes.size(); i++) {
      for (int attempt = 0; attempt < BUSY_RETRIES && outcomes.get(i) instanceof BusyException; attempt++) {
        pause(attempt);
        outcomes.set(i, outcome(again.apply(i)));
      }
    }
    return outcomes;
  }

  private @Nullable ArrayException outcome(CompletionStage<Container> stage) {
    try {
      kit().madeBy(kit().await(stage));
      return null;
    } catch (ArrayException e) {
      return e;
    }
  }
}
