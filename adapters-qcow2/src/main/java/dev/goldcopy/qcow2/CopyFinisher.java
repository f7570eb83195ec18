package dev.goldcopy.qcow2;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Ends a physical copy under the lock: renamed into place and marked ready, marked failed (keeping
 * its name and labels until it is deleted), or dropped if its container was deleted meanwhile.
 */
final class CopyFinisher {
  private CopyFinisher() {}

  /** How a copy ended, to be told to its callers once the lock is released. */
  sealed interface Outcome {
    void complete(CompletableFuture<Container> result);
  }

  private record Ready(Container container) implements Outcome {
    @Override
    public void complete(CompletableFuture<Container> result) {
      result.complete(container);
    }
  }

  private record Ended(RuntimeException failure) implements Outcome {
    @Override
    public void complete(CompletableFuture<Container> result) {
      result.completeExceptionally(failure);
    }
  }

  static Outcome finish(
      RootState.Session session, StoreRules rules, RunningCopy copy, CopyRunner.Exit exit)
      throws IOException {
    StoreLayout layout = copy.layout();
    ContainerRecord record = copy.record();
    StoreIndex index = session.index(layout.owner().store());
    Optional<ContainerRecord> now = index.find(record.name(), record.token());
    if (now.isEmpty() || now.get().state() != ContainerState.COPYING) {
      StoreScanner.removeCopyFiles(layout, record);
      return new Ended(
          new CopyAbortedException(
              record.name(), copy.id() + " was deleted while copying; the copy was dropped"));
    }
    if (copy.aborted()) {
      return fail(session, rules, copy, "the copy was stopped");
    }
    if (!exit.succeeded()) {
      return fail(
          session,
          rules,
          copy,
          "qemu-img convert exited with " + exit.code() + ": " + exit.errors());
    }
    Path image = layout.image(record.name());
    if (Files.exists(image, LinkOption.NOFOLLOW_LINKS)) {
      return fail(session, rules, copy, "a file named " + record.name() + " appeared meanwhile");
    }
    Optional<Qcow2Header> header = Qcow2Header.read(copy.target());
    if (header.isEmpty() || header.get().hasBackingFile()) {
      return fail(session, rules, copy, "qemu-img did not write a standalone qcow2 image");
    }
    session.changing();
    StoreLayout.moveAtomically(copy.target(), image);
    StoreLayout.syncDirectory(layout.dir());
    ContainerRecord ready = record.with(ContainerState.READY, header.get().sizeBytes(), null);
    layout.writeRecord(ready);
    index.put(ready);
    index.setBacking(record.name(), null);
    Files.deleteIfExists(layout.copyLock(record.name(), record.token()));
    return new Ready(rules.container(layout, ready));
  }

  private static Outcome fail(
      RootState.Session session, StoreRules rules, RunningCopy copy, String why)
      throws IOException {
    session.changing();
    StoreLayout layout = copy.layout();
    ContainerRecord failed =
        copy.record().with(ContainerState.FAILED, copy.record().sizeBytes(), why);
    layout.writeRecord(failed);
    StoreScanner.removeCopyFiles(layout, copy.record());
    session.index(layout.owner().store()).put(failed);
    return new Ended(
        new CopyFailedException(
            rules.id(layout, failed), "the copy " + failed.name() + " failed: " + why));
  }
}
