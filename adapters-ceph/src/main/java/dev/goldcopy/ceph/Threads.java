package dev.goldcopy.ceph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The adapter's threads: the executor its short tool calls run on (the caller's, or its own), a
 * few threads that read metadata in parallel, and one thread per physical copy while it runs.
 */
final class Threads implements AutoCloseable {

  private final Executor executor;
  private final ExecutorService readers;
  private final ExecutorService copies;
  private final List<ExecutorService> owned = new ArrayList<>();

  /**
   * Creates the threads.
   *
   * @param executor the caller's executor for tool calls, or null for the adapter's own
   * @param calls how many threads the adapter's own executor has
   */
  Threads(@org.jspecify.annotations.Nullable Executor executor, int calls) {
    if (executor == null) {
      ExecutorService own = Executors.newFixedThreadPool(calls, daemons("goldcopy-ceph-call"));
      owned.add(own);
      this.executor = own;
    } else {
      this.executor = executor;
    }
    this.readers = Executors.newFixedThreadPool(4, daemons("goldcopy-ceph-read"));
    this.copies = Executors.newCachedThreadPool(daemons("goldcopy-ceph-copy"));
    owned.add(readers);
    owned.add(copies);
  }

  Executor executor() {
    return executor;
  }

  Executor readers() {
    return readers;
  }

  Executor copies() {
    return copies;
  }

  /** Stops the threads the adapter owns; tasks already running finish. */
  @Override
  public void close() {
    owned.forEach(ExecutorService::shutdown);
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
