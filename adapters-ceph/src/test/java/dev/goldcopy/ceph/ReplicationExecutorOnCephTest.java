package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldcopy.execute.ExecutionHandle;
import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on a real cluster: the executor provisions 200 VMs from a small golden image with a
 * per-source limit that forces several masters, scales down to 120, and after its run to 250 is
 * cancelled mid-way, a new executor finishes it. After each phase the pool is read with the rbd
 * tool directly, not through the adapter. The makespans are written, with a lower bound from the
 * measured time of one copy and one clone, to {@code target/ceph-e2e.txt}.
 */
@RequiresCeph
class ReplicationExecutorOnCephTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 64;
  private static final int THREADS = 4;
  private static final int COPIES = 2;
  private static final long MIB = 1L << 20;
  private static final ContentId IMAGE = ContentId.of("debian", "12");
  private static final GroupId GROUP = GroupId.of("debian");

  private final StoreRef store = CephCluster.freshStore("e2e");
  private final List<CephRbdAdapter> adapters = new ArrayList<>();
  private final CephRbdAdapter adapter = newAdapter();
  private final String ns = adapter.namespace(store);
  private final StringBuilder report = new StringBuilder();

  private CephRbdAdapter newAdapter() {
    CephRbdAdapter a =
        CephCluster.adapter()
            .store(store)
            .maxVirtualCopiesPerSource(LIMIT)
            .maxConcurrentPhysicalCopies(COPIES)
            .threads(THREADS)
            .build();
    adapters.add(a);
    return a;
  }

  @AfterEach
  void cleanUp() throws IOException {
    adapters.forEach(CephRbdAdapter::close);
    CephCluster.dropNamespace(ns);
    Files.writeString(Path.of("target", "ceph-e2e.txt"), report, StandardCharsets.UTF_8);
  }

  @Test
  void provisionScaleDownAndResumeAfterACancelledRun() throws Exception {
    Container golden =
        adapter
            .createOrigin(store, "debian-golden", IMAGE, GROUP, 256 * MIB, Labels.empty())
            .toCompletableFuture()
            .get(5, TimeUnit.MINUTES);
    CephCluster.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-pattern", "seq",
        "--io-total", "64M", "rbd/" + ns + "/debian-golden");
    Duration copy = timeOneCopy(golden);
    Duration clone = medianClone(golden);
    line("one physical copy of the 256 MiB image (64 MiB written): %s; one clone (median of 5): %s",
        copy, clone);

    long start = System.nanoTime();
    ExecutionResult up = run(executor(adapter), 200, "provision 200");
    Duration makespan = Duration.ofNanos(System.nanoTime() - start);
    Duration bound = lowerBound(200, copy, clone);
    line("provision 200: makespan %s, lower bound %s (max of N*t/C, d1 + ceil((N-L)/C)*t,"
            + " ceil(R/P)*d1 + t with C=%d, P=%d, L=%d, R=%d), ratio %.2f",
        makespan, bound, THREADS, COPIES, LIMIT, (200 + LIMIT - 1) / LIMIT - 1,
        makespan.toNanos() / (double) bound.toNanos());
    assertThat(up.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Pool afterUp = checkPool(200);
    assertThat(afterUp.masters()).hasSizeGreaterThanOrEqualTo((200 + LIMIT - 1) / LIMIT);

    ExecutionResult down = run(executor(adapter), 120, "scale down to 120");
    assertThat(down.outcome()).isEqualTo(Outcome.SUCCEEDED);
    checkPool(120);

    ExecutionHandle cancelled = executor(adapter).start(store, Demand.of(IMAGE, "vm", 250));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (cancelled.progress().clones().done() < 40 && !cancelled.result().isDone()
        && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    cancelled.cancel();
    line("run to 250 cancelled after %d clones", cancelled.progress().clones().done());
    ExecutionResult resumed = run(executor(adapter), 250, "new executor resumes to 250");
    assertThat(resumed.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Pool end = checkPool(250);

    Map<String, Container> fresh = new HashMap<>();
    for (Container c : newAdapter().inventory(store).toCompletableFuture().get().containers()) {
      fresh.put(c.name(), c);
    }
    assertThat(fresh.keySet()).isEqualTo(end.names());
    line("a new adapter lists the same %d containers", fresh.size());
  }

  private ReplicationExecutor executor(CephRbdAdapter a) {
    return ReplicationExecutor.builder(a).build();
  }

  private ExecutionResult run(ReplicationExecutor executor, int vms, String what) {
    long start = System.nanoTime();
    ExecutionResult result = executor.execute(store, Demand.of(IMAGE, "vm", vms));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    line("%s: %s in %s (%d replicas, %d clones, %d deletions, %d retries, %d rounds)", what,
        result.outcome(), took, result.totals().replicasMade(), result.totals().clonesMade(),
        result.totals().deletions(), result.totals().retries(), result.totals().rounds());
    return result;
  }

  private Duration timeOneCopy(Container golden) throws Exception {
    long start = System.nanoTime();
    Container probe =
        adapter.createPhysicalCopy(store, golden.id(), "probe-r", Labels.empty())
            .toCompletableFuture().get(5, TimeUnit.MINUTES);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    adapter.delete(store, probe.id()).toCompletableFuture().get(5, TimeUnit.MINUTES);
    return took;
  }

  /** The median time of five clones made one after another (after one to warm up). */
  private Duration medianClone(Container golden) throws Exception {
    List<Duration> times = new ArrayList<>();
    List<Container> probes = new ArrayList<>();
    for (int i = 0; i <= 5; i++) {
      long start = System.nanoTime();
      probes.add(
          adapter.createVirtualCopy(store, golden.id(), "probe-v" + i, Labels.empty())
              .toCompletableFuture().get(5, TimeUnit.MINUTES));
      if (i > 0) {
        times.add(Duration.ofNanos(System.nanoTime() - start));
      }
    }
    for (Container probe : probes) {
      adapter.delete(store, probe.id()).toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  /**
   * The benchmarks' lower bound without the bandwidth term (the cluster declares none), from the
   * measured time of one copy ({@code d1}) and one clone ({@code t}): the clones at the adapter's
   * concurrency, the clones that must wait for the first replica, and the replicas on the copy
   * slots followed by one clone.
   */
  private static Duration lowerBound(int vms, Duration d1, Duration t) {
    int replicas = (vms + LIMIT - 1) / LIMIT - 1;
    long clonesAtOnce = (long) Math.ceil(vms / (double) THREADS) * t.toNanos();
    long afterFirstReplica =
        d1.toNanos() + (long) Math.ceil((vms - LIMIT) / (double) THREADS) * t.toNanos();
    long replicasThenClone =
        (long) Math.ceil(replicas / (double) COPIES) * d1.toNanos() + t.toNanos();
    return Duration.ofNanos(Math.max(clonesAtOnce, Math.max(afterFirstReplica, replicasThenClone)));
  }

  /** What the pool holds, read with rbd directly. */
  private record Pool(Set<String> masters, Set<String> clones) {
    Set<String> names() {
      Set<String> all = new HashSet<>(masters);
      all.addAll(clones);
      return all;
    }
  }

  /**
   * Reads the namespace with {@code rbd ls -l} and checks: exactly the VMs vm-00001..vm-N have one
   * clone each, every clone's parent is a master's base snapshot, no master has more than the
   * limit, only masters with clones keep a base snapshot, and nothing hidden is left behind.
   */
  private Pool checkPool(int vms) throws IOException {
    JsonNode listing =
        JSON.readTree(CephCluster.rbd("ls", "-l", "--format", "json", "rbd/" + ns));
    Set<String> masters = new TreeSet<>();
    Set<String> clones = new TreeSet<>();
    Set<String> withBase = new TreeSet<>();
    Set<String> hidden = new TreeSet<>();
    Map<String, Integer> children = new HashMap<>();
    for (JsonNode entry : listing) {
      String name = entry.get("image").asText();
      if (entry.has("snapshot")) {
        assertThat(entry.get("snapshot").asText()).isEqualTo(Images.BASE_SNAPSHOT);
        withBase.add(name);
      } else if (name.startsWith(".")) {
        hidden.add(name);
      } else if (entry.has("parent")) {
        clones.add(name);
        children.merge(entry.get("parent").get("image").asText(), 1, Integer::sum);
      } else {
        masters.add(name);
      }
    }
    Set<String> expected = new TreeSet<>(Demand.of(IMAGE, "vm", vms).vms().keySet().stream()
        .map(Object::toString).toList());
    assertThat(hidden).as("hidden images left behind").isEmpty();
    assertThat(clones).as("one clone per VM, no other").isEqualTo(expected);
    assertThat(masters).containsAll(children.keySet());
    assertThat(children.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(LIMIT));
    assertThat(withBase).as("base snapshots only on masters with clones")
        .isEqualTo(children.keySet());
    line("pool after %d VMs: %d masters %s, clones per master %s", vms, masters.size(), masters,
        new TreeSet<>(children.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .toList()));
    return new Pool(masters, clones);
  }

  private void line(String format, Object... args) {
    String text = String.format(java.util.Locale.ROOT, format, args);
    report.append(text).append('\n');
    System.out.println(text);
  }
}
