package dev.goldcopy.ceph;

import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The creations in progress, by namespace and name: a second request for the same name, kind and
 * source joins the first; another kind or source is a conflict.
 */
final class InFlight {

  /** One creation in progress. */
  record Pending(
      ContainerKind kind,
      ContainerId source,
      CompletableFuture<Container> result,
      @Nullable CopyJob job) {}

  private final Map<String, Pending> byName = new ConcurrentHashMap<>();

  /**
   * Returns the creation in progress for the name if it matches, or registers a new one and then
   * starts it.
   *
   * @param make makes the new creation, not yet started
   * @param start starts it once it is registered
   * @throws ConflictException if a creation of another kind or source is in progress for the name
   */
  CompletableFuture<Container> join(
      String ns,
      String name,
      ContainerKind kind,
      ContainerId source,
      Supplier<Pending> make,
      Consumer<Pending> start) {
    String key = ns + "/" + name;
    while (true) {
      Pending existing = byName.get(key);
      if (existing != null) {
        if (existing.kind() != kind || !existing.source().equals(source)) {
          throw new ConflictException(
              "a " + describe(existing.kind()) + " named " + name + " of " + existing.source()
                  + " is being made");
        }
        return existing.result();
      }
      Pending fresh = make.get();
      if (byName.putIfAbsent(key, fresh) == null) {
        fresh.result().whenComplete((c, e) -> byName.remove(key, fresh));
        start.accept(fresh);
        return fresh.result();
      }
      // Lost the race to another request for the name: join it (or conflict) on the next turn.
    }
  }

  /** The physical copy in progress for a name, if any. */
  @Nullable CopyJob job(String ns, String name) {
    Pending p = byName.get(ns + "/" + name);
    return p == null ? null : p.job();
  }

  /** The physical copies in progress in a namespace, for waiting until they are listed. */
  List<CopyJob> jobs(@Nullable String ns) {
    List<CopyJob> jobs = new ArrayList<>();
    for (Pending p : byName.values()) {
      CopyJob job = p.job();
      if (job != null && (ns == null || job.namespace().equals(ns))) {
        jobs.add(job);
      }
    }
    return jobs;
  }

  private static String describe(ContainerKind kind) {
    return kind == ContainerKind.PHYSICAL_MASTER ? "physical copy" : "virtual copy";
  }
}
