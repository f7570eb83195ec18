package dev.goldcopy.qcow2;

import static dev.goldcopy.spi.ArrayCapabilities.isLimited;

import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TransientArrayException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Physical copies: admitted under the lock (the rules, then a {@link ContainerState#COPYING}
 * record and a held copy lock), run outside it ({@code qemu-img convert} into a temporary file),
 * and finished under it again (renamed into place and marked ready, or marked failed, or dropped
 * if the container was deleted meanwhile). Same-name callers wait for the one copy.
 */
final class PhysicalCopies implements StoreOperations.CopyAborter {
  private final RootState root;
  private final StoreRules rules;
  private final CopyRunner runner;
  private final Executor pool;
  private final ConcurrentHashMap<ContainerId, RunningCopy> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  PhysicalCopies(RootState root, StoreRules rules, ImageTool qemuImg, Executor pool) {
    this.root = root;
    this.rules = rules;
    this.pool = pool;
    this.runner = new CopyRunner(qemuImg, rules.settings().pollInterval(), () -> closed);
  }

  /** What admission decided. */
  private sealed interface Admission {}

  private record Ready(Container container) implements Admission {}

  private record Failed(ContainerId id, String why) implements Admission {}

  private record Follow(RunningCopy copy) implements Admission {}

  private record Poll(StoreLayout layout, ContainerRecord record) implements Admission {}

  private record Started(RunningCopy copy) implements Admission {}

  /**
   * Makes or finds the copy and completes {@code result} when it is ready, failed or aborted.
   * Admits the copy on the calling thread (the adapter's lane); runs it, or waits for another
   * process's copy, on the pool.
   */
  void create(
      StoreRef ref,
      ContainerId sourceId,
      String name,
      Labels labels,
      CompletableFuture<Container> result) {
    Admission admission;
    try {
      admission = root.locked(s -> admit(s, ref, sourceId, name, labels));
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(Failures.of(e));
      return;
    }
    if (admission instanceof Ready ready) {
      result.complete(ready.container());
    } else if (admission instanceof Failed failed) {
      result.completeExceptionally(new CopyFailedException(failed.id(), failed.why()));
    } else if (admission instanceof Follow follow) {
      Failures.relay(follow.copy().result(), result);
    } else if (admission instanceof Poll poll) {
      onPool(() -> waitForOtherProcess(ref, poll.layout(), poll.record(), result), result, null);
    } else if (admission instanceof Started started) {
      Failures.relay(started.copy().result(), result);
      RunningCopy copy = started.copy();
      onPool(() -> run(copy), copy.result(), copy);
    }
  }

  private void onPool(
      Runnable task, CompletableFuture<Container> result, @Nullable RunningCopy admitted) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      if (admitted != null) {
        release(admitted); // listed as failed by the next operation
      }
      result.completeExceptionally(new TransientArrayException("the adapter's executor refused"));
    }
  }

  private Admission admit(
      RootState.Session s, StoreRef ref, ContainerId sourceId, String name, Labels labels)
      throws IOException {
    StoreLayout layout = rules.access(ref);
    StoreIndex index = s.index(ref.store());
    Optional<ContainerRecord> existing = index.byName(name);
    if (existing.isPresent()) {
      ContainerRecord e = existing.get();
      if (e.kind() != ContainerKind.PHYSICAL_MASTER || !sourceId.equals(e.source())) {
        throw rules.nameTaken(layout, e, ContainerKind.PHYSICAL_MASTER);
      }
      return sameName(layout, e);
    }
    rules.refuseForeignFile(layout, name);
    ContainerRecord source = rules.resolve(s, ref, sourceId);
    if (!StoreRules.isReadyMaster(source)) {
      throw new ConflictException(
          sourceId + " is a " + source.state() + " " + source.kind() + ", not a ready master");
    }
    rules.checkContainerTotal(s);
    int concurrent = rules.settings().maxConcurrentPhysicalCopies();
    if (isLimited(concurrent) && rules.copying(s) >= concurrent) {
      throw new BusyException(concurrent + " physical copies are running, the most allowed");
    }
    long cost = rules.settings().copyCosts().physicalCopyBytes(source.sizeBytes());
    rules.checkCapacity(s, layout, cost, "a physical copy of " + sourceId);

    s.changing();
    String token = rules.token();
    FileLocks.Held lock = FileLocks.tryLock(layout.copyLock(name, token));
    if (lock == null) {
      throw new IOException("a new copy lock is held already: " + layout.copyLock(name, token));
    }
    ContainerRecord record =
        new ContainerRecord(
            name,
            token,
            ContainerKind.PHYSICAL_MASTER,
            ContainerState.COPYING,
            source.content(),
            source.group(),
            sourceId,
            source.sizeBytes(),
            0,
            null,
            labels.asMap());
    try {
      layout.writeRecord(record);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    index.put(record);
    RunningCopy copy =
        new RunningCopy(
            layout, record, rules.id(layout, record), layout.image(source.name()), lock);
    running.put(copy.id(), copy);
    return new Started(copy);
  }

  private Admission sameName(StoreLayout layout, ContainerRecord existing) {
    ContainerId id = rules.id(layout, existing);
    switch (existing.state()) {
      case READY:
        return new Ready(rules.container(layout, existing));
      case FAILED:
        return new Failed(id, "the copy " + existing.name() + " failed: " + existing.failure());
      default:
        RunningCopy mine = running.get(id);
        return mine != null ? new Follow(mine) : new Poll(layout, existing);
    }
  }

  /** Runs an admitted copy to its end on the calling thread. */
  private void run(RunningCopy copy) {
    Runnable completion;
    try {
      CopyRunner.Exit exit = runner.convert(copy, this::stillRecorded);
      if (closed) {
        TransientArrayException stopped =
            new TransientArrayException(
                "the adapter closed while copying " + copy.record().name()
                    + "; the copy will be listed as FAILED");
        completion = () -> copy.result().completeExceptionally(stopped);
      } else {
        CopyFinisher.Outcome outcome =
            root.locked(s -> CopyFinisher.finish(s, rules, copy, exit));
        completion = () -> outcome.complete(copy.result());
      }
    } catch (IOException | RuntimeException e) {
      Throwable failure = Failures.of(e);
      completion = () -> copy.result().completeExceptionally(failure);
    }
    release(copy); // before completing: whoever reacts to the result finds the copy lock free
    completion.run();
  }

  private void release(RunningCopy copy) {
    running.remove(copy.id());
    try {
      copy.lock().close();
    } catch (IOException e) {
      // The lock goes with the channel's file descriptor in any case.
    }
  }

  /** Whether the copy's record still exists with its token (read without the lock). */
  private boolean stillRecorded(RunningCopy copy) {
    try {
      Optional<ContainerRecord> now = copy.layout().readRecord(copy.record().name());
      return now.isPresent() && now.get().token().equals(copy.record().token());
    } catch (IOException | IllegalArgumentException e) {
      return true; // cannot tell; the finish under the lock decides
    }
  }

  /** Waits for a copy another process runs, looking again every poll interval. */
  private void waitForOtherProcess(
      StoreRef ref, StoreLayout layout, ContainerRecord waited, CompletableFuture<Container> out) {
    ContainerId id = rules.id(layout, waited);
    while (!out.isDone()) {
      if (closed || !runner.pause()) {
        out.completeExceptionally(
            new TransientArrayException("stopped waiting for the copy " + waited.name()));
        return;
      }
      try {
        Optional<ContainerRecord> now =
            root.locked(s -> s.index(ref.store()).find(waited.name(), waited.token()));
        if (now.isEmpty()) {
          out.completeExceptionally(
              new CopyAbortedException(waited.name(), id + " was deleted while copying"));
        } else if (now.get().state() == ContainerState.READY) {
          out.complete(rules.container(layout, now.get()));
        } else if (now.get().state() == ContainerState.FAILED) {
          out.completeExceptionally(
              new CopyFailedException(id, "the copy failed: " + now.get().failure()));
        }
      } catch (IOException | RuntimeException e) {
        out.completeExceptionally(Failures.of(e));
      }
    }
  }

  @Override
  public void abort(StoreLayout layout, ContainerRecord copying) throws IOException {
    RunningCopy mine = running.get(rules.id(layout, copying));
    if (mine != null) {
      mine.abort(); // its runner finds the record gone and drops the copy
    } else if (!FileLocks.isHeld(layout.copyLock(copying.name(), copying.token()))) {
      StoreScanner.removeCopyFiles(layout, copying);
    }
    // Otherwise another process runs it; it finds its record gone within a poll interval.
  }

  /** Stops every running copy without finishing it; the next session lists them as failed. */
  void close() {
    closed = true;
    for (RunningCopy copy : running.values()) {
      copy.abort();
    }
  }

  boolean isClosed() {
    return closed;
  }
}
