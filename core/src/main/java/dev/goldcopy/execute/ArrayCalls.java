package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LeaseLostException;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Every call a run makes to the array, and the only place that makes them. Each answer comes back
 * as a task of the run's {@link Mailbox}, with the error unwrapped; a call that throws an exception
 * instead of returning a stage is answered with that exception. An {@link Error}, thrown by the
 * call or failing its stage, breaks the run. Counts the calls in flight (readable from any
 * thread) and the calls that failed.
 */
// inFlight is volatile for progress readers and written by mailbox tasks only: one writer.
@SuppressWarnings("NonAtomicVolatileUpdate")
final class ArrayCalls {
  /** What a run needs to know of the array before it plans. */
  record Observation(ArrayCapabilities capabilities, Inventory inventory) {}

  /**
   * A change to the array, as the {@link Gate} sees it.
   *
   * @param kind what the change does
   * @param subject the source of a copy, or the container a deletion deletes
   * @param name the name a copy is made under; null for a deletion
   */
  record Change(Kind kind, ContainerId subject, @Nullable String name) {
    /** What a change does. */
    enum Kind {
      PHYSICAL_COPY,
      VIRTUAL_COPY,
      DELETE
    }
  }

  /** The last check a change passes before it is asked of the array (after it, the fence). */
  interface Gate {
    /** The gate of a run that converges to a demand: every change passes at once. */
    Gate OPEN = (change, admission) -> admission.pass();

    /**
     * Decides on {@code change}, now or later, and tells {@code admission} once: pass, to make
     * it, or refuse, with the error its call is answered with.
     */
    void admit(Change change, Admission admission);

    /** Hears the answer to a change it admitted. */
    default void answered(Change change, @Nullable Object value, @Nullable Throwable error) {}
  }

  /** What a {@link Gate} decides for one change. */
  interface Admission {
    /** The change may be made: it is asked of the array (under the fencing check). */
    void pass();

    /** The change is not made: its call is answered with {@code why}. */
    void refuse(Throwable why);
  }

  /** The answer to one call: a value, or the error it failed with. */
  @FunctionalInterface
  interface Callback<T> {
    void done(@Nullable T value, @Nullable Throwable error);
  }

  private final ArrayAdapter adapter;
  private final StoreRef store;
  private final Mailbox mailbox;
  private final BooleanSupplier fence;
  private Gate gate = Gate.OPEN;
  private volatile int inFlight;
  private int waiting;
  private int failures;
  private int fenced;
  /** Changes issued so far (creates, deletes, waits that may create). */
  private int changes;
  private @Nullable Inventory lastRead;
  private int lastReadMark = -1;

  /**
   * Creates the run's calls.
   *
   * @param fence the fencing check before each change: whether the run still holds the store's
   *     lease; a change it refuses is answered with {@link LeaseLostException} and not made
   */
  ArrayCalls(ArrayAdapter adapter, StoreRef store, Mailbox mailbox, BooleanSupplier fence) {
    this.adapter = adapter;
    this.store = store;
    this.mailbox = mailbox;
    this.fence = fence;
  }

  /** Sets the gate every change passes before it is made (by default, {@link Gate#OPEN}). */
  void gate(Gate value) {
    this.gate = value;
  }

  /** Reads the capabilities, then the inventory. */
  void observe(Callback<Observation> then) {
    int mark = readMark();
    inFlight++;
    CompletionStage<Observation> stage;
    try {
      stage =
          adapter
              .capabilities(store)
              .thenCompose(
                  caps -> adapter.inventory(store).thenApply(inv -> new Observation(caps, inv)));
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    new Call<Observation>(null, null, true, (o, e) -> {
      if (o != null) {
        read(o.inventory(), mark);
      }
      then.done(o, e);
    }).await(stage);
  }

  /** Reads the inventory alone. */
  void inventory(Callback<Inventory> then) {
    int mark = readMark();
    inFlight++;
    CompletionStage<Inventory> stage;
    try {
      stage = adapter.inventory(store);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    new Call<Inventory>(null, null, true, (inv, e) -> {
      if (inv != null) {
        read(inv, mark);
      }
      then.done(inv, e);
    }).await(stage);
  }

  /** Asks for a physical copy of {@code source} named {@code name}; a change to the array. */
  void createPhysicalCopy(ContainerId source, String name, Labels labels, Callback<Container> then) {
    gated(new Change(Change.Kind.PHYSICAL_COPY, source, name), labels, true, then);
  }

  /** Asks for a virtual copy of {@code source} named {@code name}; a change to the array. */
  void createVirtualCopy(ContainerId source, String name, Labels labels, Callback<Container> then) {
    gated(new Change(Change.Kind.VIRTUAL_COPY, source, name), labels, true, then);
  }

  /** Deletes {@code container}; a change to the array. */
  void delete(ContainerId container, Callback<Void> then) {
    gated(new Change(Change.Kind.DELETE, container, null), null, false, then);
  }

  /**
   * Makes a change once the {@link Gate} admits it, under the fencing check; a change the gate
   * refuses is answered with the gate's error and never reaches the array. The call counts as in
   * flight from the moment it is asked for.
   */
  private <T> void gated(
      Change change, @Nullable Labels labels, boolean valueDue, Callback<T> then) {
    inFlight++;
    gate.admit(change, new Call<>(change, labels, valueDue, then));
  }

  /**
   * Asks for a physical copy another run started, to hear when it is complete: a change only if
   * the copy is gone, and then under the fencing check. Counted apart from the other calls, so a
   * run that stops does not wait for it.
   */
  void awaitCopy(ContainerId source, String name, Labels labels, Callback<Container> then) {
    waiting++;
    changes++;
    CompletionStage<Container> stage;
    try {
      stage = fence.getAsBoolean() ? adapter.createPhysicalCopy(store, source, name, labels) : lostLease();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    Call<Container> call = new Call<>(null, null, true, then);
    call.waitsForCopy = true;
    call.await(stage);
  }

  /**
   * Returns the last inventory read whose read began with nothing in flight and after which no
   * change was issued: the store as it is now, as far as this run can know. Null if there is none.
   */
  @Nullable Inventory currentInventory() {
    return lastReadMark == changes ? lastRead : null;
  }

  /** Returns the last inventory read, whatever happened since; null if none was. */
  @Nullable Inventory lastInventory() {
    return lastRead;
  }

  private int readMark() {
    return inFlight == 0 && waiting == 0 ? changes : -1;
  }

  private void read(Inventory inventory, int mark) {
    lastRead = inventory;
    lastReadMark = mark;
  }

  /** Returns how many waits for copies another run started have not been answered yet. */
  int waiting() {
    return waiting;
  }

  /** Returns how many changes (creates, deletes, waits for copies) the run has issued. */
  int changes() {
    return changes;
  }

  /** Returns how many changes the fencing check refused. */
  int fenced() {
    return fenced;
  }

  private <T> CompletionStage<T> lostLease() {
    fenced++;
    return CompletableFuture.failedFuture(
        new LeaseLostException("no change to " + store + ": this run no longer holds its lease"));
  }

  /** Returns how many calls have not been answered yet. */
  int inFlight() {
    return Math.max(0, inFlight);
  }

  /** Returns how many calls failed (or answered no value where one was due). */
  int failures() {
    return failures;
  }

  StoreRef store() {
    return store;
  }

  /**
   * One call, from the gate to its answer handed to the run: the change it asks for (none for a
   * read), whom to tell, and the answer once heard. One object the whole way, where a lambda per
   * stage would make several: a run makes one per clone. Its callback is heard once and then let
   * go: the mailbox may run later tasks, a whole round even, on the stack of the answer that posted
   * them, and the callback (and the round and step it names) must not stay reachable from there.
   */
  private final class Call<T> implements Admission, BiConsumer<T, Throwable>, Runnable {
    private final @Nullable Change change;
    private final @Nullable Labels labels;
    private final boolean valueDue;
    private @Nullable Callback<T> then;
    /** Whether the gate passed the change: only then does it hear the answer. */
    private boolean passed;
    /** Whether the call waits for a copy another run started: counted apart, as waiting. */
    boolean waitsForCopy;
    private @Nullable T value;
    private @Nullable Throwable error;

    Call(@Nullable Change change, @Nullable Labels labels, boolean valueDue, Callback<T> then) {
      this.change = change;
      this.labels = labels;
      this.valueDue = valueDue;
      this.then = then;
    }

    @Override
    public void pass() {
      passed = true;
      changes++;
      CompletionStage<T> stage;
      try {
        stage = fence.getAsBoolean() ? ask(requireNonNull(change, "change")) : lostLease();
      } catch (RuntimeException e) {
        stage = CompletableFuture.failedFuture(e);
      }
      await(stage);
    }

    @Override
    public void refuse(Throwable why) {
      await(CompletableFuture.failedFuture(why));
    }

    /** Asks the array for {@code c}. */
    @SuppressWarnings("unchecked") // each kind's call answers the type its caller asked for
    private CompletionStage<T> ask(Change c) {
      return (CompletionStage<T>) switch (c.kind()) {
        case PHYSICAL_COPY -> adapter.createPhysicalCopy(
            store, c.subject(), requireNonNull(c.name(), "name"), requireNonNull(labels, "labels"));
        case VIRTUAL_COPY -> adapter.createVirtualCopy(
            store, c.subject(), requireNonNull(c.name(), "name"), requireNonNull(labels, "labels"));
        case DELETE -> adapter.delete(store, c.subject());
      };
    }

    /** Hears {@code stage}'s answer, on whatever thread gives it, and hands it to the run. */
    void await(CompletionStage<T> stage) {
      stage.whenComplete(this);
    }

    @Override
    public void accept(@Nullable T answered, @Nullable Throwable failed) {
      value = answered;
      error = failed;
      mailbox.handOff(this);
    }

    /** The answer, as a task of the run. */
    @Override
    public void run() {
      Callback<T> t = then;
      if (t == null) {
        throw new IllegalStateException("an answer was heard twice");
      }
      then = null;
      T v = value;
      Throwable e = unwrap(error);
      value = null;
      error = null;
      if (waitsForCopy) {
        waiting--;
      } else {
        inFlight--;
      }
      if (e != null || (valueDue && v == null)) {
        failures++;
      }
      if (e instanceof Error broken) {
        // an error in the adapter's own stage (a failed assertion, a VM error) breaks the run, as
        // one thrown by the call itself does: it is no failed call to retry
        throw broken;
      }
      Change c = change;
      if (passed && c != null) {
        gate.answered(c, v, e);
      }
      t.done(v, e);
    }
  }

  private static @Nullable Throwable unwrap(@Nullable Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
