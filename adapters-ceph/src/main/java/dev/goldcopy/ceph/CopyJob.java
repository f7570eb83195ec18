package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One physical copy this adapter is making: accepted once its image is listed, then filled by
 * {@code rbd flatten}. A delete aborts it: the flatten is killed, and the job ends without touching
 * the image again, which the delete then removes.
 */
final class CopyJob {

  private final String namespace;
  private final String name;
  private final ContainerId source;
  private final CompletableFuture<Container> result = new CompletableFuture<>();
  private final CompletableFuture<Void> accepted = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private CommandRunner.@Nullable Running flatten;
  private @Nullable String imageId;
  private boolean aborted;

  CopyJob(String namespace, String name, ContainerId source) {
    this.namespace = requireNonNull(namespace, "namespace");
    this.name = requireNonNull(name, "name");
    this.source = requireNonNull(source, "source");
  }

  String namespace() {
    return namespace;
  }

  String name() {
    return name;
  }

  ContainerId source() {
    return source;
  }

  /** Completes with the ready copy, or fails. */
  CompletableFuture<Container> result() {
    return result;
  }

  /** Completes when the copy is listed (or the job failed before that). */
  CompletableFuture<Void> accepted() {
    return accepted;
  }

  /** The copy's image is listed under its name: it has this RBD id. */
  synchronized void accept(String id) {
    this.imageId = id;
    accepted.complete(null);
  }

  synchronized @Nullable String imageId() {
    return imageId;
  }

  /**
   * Starts the flatten unless the job was aborted.
   *
   * @return the running flatten, or null if the job was aborted first
   */
  synchronized CommandRunner.@Nullable Running startFlatten(
      Supplier<CommandRunner.Running> start) {
    if (aborted) {
      return null;
    }
    flatten = start.get();
    return flatten;
  }

  /**
   * Aborts the job unless it has already completed: kills its flatten if one runs.
   *
   * @return a stage that completes once the job has stopped, or null if the job completed first
   *     (the copy is then an ordinary container)
   */
  @Nullable CompletableFuture<Void> abort() {
    CommandRunner.Running running;
    synchronized (this) {
      if (result.isDone()) {
        return null;
      }
      aborted = true;
      running = flatten;
    }
    if (running != null) {
      running.kill();
    }
    return stopped;
  }

  /**
   * Completes the job with its ready copy unless it was aborted first; an abort and the end of a
   * copy are ordered by this job's lock, so a delete that found the job copying always aborts it.
   *
   * @return false if the job was aborted (the delete removes the image)
   */
  synchronized boolean completeReady(Container ready) {
    if (aborted) {
      return false;
    }
    result.complete(ready);
    return true;
  }

  synchronized boolean isAborted() {
    return aborted;
  }

  /** The job's worker is done with the image, whatever the outcome. */
  void stop() {
    accepted.complete(null);
    stopped.complete(null);
  }
}
