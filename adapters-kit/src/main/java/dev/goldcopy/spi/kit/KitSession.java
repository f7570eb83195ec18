package dev.goldcopy.spi.kit;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One check's view of the adapter under test: calls that wait and record what the kit made,
 * names that carry this run's token, expectations that fail with the rule, and the clean-up that
 * deletes only what the kit made.
 */
final class KitSession {
  /** The size of the origins the kit makes, unless a check needs another: 1 GiB. */
  static final long ORIGIN_SIZE = 1L << 30;

  static final ContentId CONTENT = ContentId.of("conformance-image", "1");
  static final ContentId OTHER_CONTENT = ContentId.of("conformance-image", "2");
  static final GroupId GROUP = GroupId.of("conformance-group");
  static final GroupId OTHER_GROUP = GroupId.of("conformance-group-2");

  private static final int CLEANUP_ROUNDS = 30;
  private static final int READ_RETRIES = 10;

  private final ConformanceFixture fixture;
  private final String token;
  private final String separator;
  private final Set<ContainerId> made = new HashSet<>();
  private final Set<ContainerId> initialOwn;
  private final Set<ContainerId> initialOther;
  private final long initialRawObjects;
  private int counter;

  KitSession(ConformanceFixture fixture, String token) {
    this.fixture = fixture;
    this.token = token;
    NameRules rules = capabilities().nameRules();
    this.separator = chooseSeparator(rules, fixture.namePrefix() + token);
    this.initialOwn = ids(inventory(fixture.store()));
    this.initialOther = ids(inventory(fixture.otherTenantStore()));
    this.initialRawObjects = fixture.rawObjectCount();
  }

  ConformanceFixture fixture() {
    return fixture;
  }

  ArrayAdapter adapter() {
    return fixture.adapter();
  }

  StoreRef store() {
    return fixture.store();
  }

  StoreRef otherStore() {
    return fixture.otherTenantStore();
  }

  boolean dedicated() {
    return !fixture.sharedArray();
  }

  <T> T await(CompletionStage<T> stage) {
    return fixture.await(stage);
  }

  ArrayCapabilities capabilities() {
    return retryingBusy(() -> adapter().capabilities(store()));
  }

  /** Reads are allowed to answer busy or transient: the kit asks again, a bounded number of times. */
  private <T> T retryingBusy(Supplier<CompletionStage<T>> read) {
    for (int attempt = 0; ; attempt++) {
      try {
        return await(read.get());
      } catch (ArrayException e) {
        if (!e.retryable() || attempt >= READ_RETRIES) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  Inventory inventory(StoreRef store) {
    try {
      return retryingBusy(() -> adapter().inventory(store));
    } catch (ArrayException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Violation.of(Rule.LISTED, "inventory(" + store + ")",
          "one consistent listing, each container once", e);
    }
  }

  Inventory inventory() {
    return inventory(store());
  }

  /** A new name of this run for {@code role}, within the array's name rules. */
  String name(String role) {
    counter++;
    return fixture.namePrefix() + token + separator + role + counter;
  }

  /** The start every name of this run has. */
  String runPrefix() {
    return fixture.namePrefix() + token;
  }

  String separator() {
    return separator;
  }

  Container origin(String name) {
    return origin(store(), name, CONTENT, GROUP, ORIGIN_SIZE);
  }

  Container origin(StoreRef store, String name, ContentId content, GroupId group, long size) {
    Container c = fixture.createOrigin(store, name, content, group, size);
    made.add(c.id());
    return c;
  }

  Container virtualCopy(ContainerId source, String name) {
    return virtualCopy(source, name, Labels.empty());
  }

  Container virtualCopy(ContainerId source, String name, Labels labels) {
    String call = "createVirtualCopy(" + store() + ", " + source + ", " + name + ")";
    Container c = succeed(Rule.LISTED, call, () -> adapter().createVirtualCopy(store(), source, name, labels));
    made.add(c.id());
    return c;
  }

  Container physicalCopy(ContainerId source, String name) {
    return physicalCopy(source, name, Labels.empty());
  }

  Container physicalCopy(ContainerId source, String name, Labels labels) {
    String call = "createPhysicalCopy(" + store() + ", " + source + ", " + name + ")";
    Container c =
        succeed(Rule.LISTED, call, () -> adapter().createPhysicalCopy(store(), source, name, labels));
    made.add(c.id());
    return c;
  }

  /** Records a container the kit made through a stage it awaited itself. */
  void madeBy(Container c) {
    made.add(c.id());
  }

  void delete(ContainerId id) {
    succeed(Rule.DELETE_MISSING, "delete(" + store() + ", " + id + ")", () -> adapter().delete(store(), id));
  }

  /** Runs a call that must succeed, and fails the check with the rule if it does not. */
  <T> T succeed(String rule, String call, Supplier<? extends CompletionStage<T>> action) {
    try {
      return await(action.get());
    } catch (RuntimeException e) {
      throw Violation.of(rule, call, "success", e);
    }
  }

  /**
   * Runs a call that must fail its stage with an error of {@code type}, and returns the error.
   */
  <E extends ArrayException> E fail(
      String rule, String call, Class<E> type, Supplier<? extends CompletionStage<?>> action) {
    ArrayException error = failure(rule, call, type.getSimpleName(), action);
    if (!type.isInstance(error)) {
      throw Violation.of(rule, call, "the stage fails with " + type.getSimpleName(), error);
    }
    return type.cast(error);
  }

  /** Runs a call that must fail its stage with one of {@code types}, and returns the error. */
  @SafeVarargs
  final ArrayException failOneOf(
      String rule,
      String call,
      Supplier<? extends CompletionStage<?>> action,
      Class<? extends ArrayException>... types) {
    List<String> names = new ArrayList<>();
    for (Class<? extends ArrayException> t : types) {
      names.add(t.getSimpleName());
    }
    String expected = "the stage fails with " + String.join(" or ", names);
    ArrayException error = failure(rule, call, expected, action);
    for (Class<? extends ArrayException> t : types) {
      if (t.isInstance(error)) {
        return error;
      }
    }
    throw Violation.of(rule, call, expected, error);
  }

  private ArrayException failure(
      String rule, String call, String expected, Supplier<? extends CompletionStage<?>> action) {
    CompletionStage<?> stage;
    try {
      stage = action.get();
    } catch (ArrayException e) {
      throw Violation.of(Rule.ERRORS_IN_STAGE, call, "a stage that fails with " + expected, e);
    }
    Object value;
    try {
      value = await(stage);
    } catch (ArrayException e) {
      return e;
    } catch (RuntimeException e) {
      throw Violation.of(rule, call, expected, e);
    }
    if (value instanceof Container c) {
      made.add(c.id());
    }
    throw Violation.of(rule, call, expected, "the stage completed with " + value);
  }

  /** Fails the check with the rule unless {@code ok}. */
  static void check(
      boolean ok, String rule, String call, String expected, Supplier<String> happened) {
    if (!ok) {
      throw Violation.of(rule, call, expected, happened.get());
    }
  }

  /** Fails the check with the rule unless {@code actual} equals {@code expected}. */
  static void checkEqual(String rule, String call, Object expected, @Nullable Object actual) {
    if (!expected.equals(actual)) {
      throw Violation.of(rule, call, String.valueOf(expected), String.valueOf(actual));
    }
  }

  /**
   * Deletes what this check made, dependents first, and checks that the stores are as they were
   * (on a dedicated array) and that no name of this run is left (always).
   */
  void cleanUpAndCheck() {
    Map<ContainerId, String> lastErrors = new HashMap<>();
    for (StoreRef s : List.of(store(), otherStore())) {
      removeOwn(s, lastErrors);
    }
    for (StoreRef s : List.of(store(), otherStore())) {
      for (Container c : inventory(s).containers()) {
        if (isOwn(c)) {
          throw Violation.of(
              Rule.LIFECYCLE,
              "the kit's clean-up: delete every container it made, leaves first",
              "nothing of this run left in " + s,
              c + " is left" + (lastErrors.containsKey(c.id()) ? ", last error: " + lastErrors.get(c.id()) : ""));
        }
      }
    }
    if (dedicated()) {
      checkEqual(Rule.LIFECYCLE, "inventory(" + store() + ") after clean-up", initialOwn, ids(inventory(store())));
      checkEqual(
          Rule.LIFECYCLE,
          "inventory(" + otherStore() + ") after clean-up",
          initialOther,
          ids(inventory(otherStore())));
      long raw = fixture.rawObjectCount();
      check(
          raw == initialRawObjects,
          Rule.NOTHING_LEAKED,
          "the fixture's rawObjectCount() after clean-up",
          String.valueOf(initialRawObjects),
          () -> String.valueOf(raw));
    }
  }

  private boolean isOwn(Container c) {
    return made.contains(c.id()) || c.name().startsWith(runPrefix());
  }

  private void removeOwn(StoreRef store, Map<ContainerId, String> lastErrors) {
    for (int round = 0; round < CLEANUP_ROUNDS; round++) {
      List<Container> own = new ArrayList<>();
      Set<ContainerId> sources = new HashSet<>();
      for (Container c : inventory(store).containers()) {
        if (isOwn(c)) {
          own.add(c);
        }
        if (c.source() != null
            && (c.kind() == ContainerKind.VIRTUAL_COPY || c.state() == ContainerState.COPYING)) {
          sources.add(c.source());
        }
      }
      if (own.isEmpty()) {
        return;
      }
      for (Container c : own) {
        if (!sources.contains(c.id())) {
          try {
            await(adapter().delete(store, c.id()));
          } catch (RuntimeException e) {
            lastErrors.put(c.id(), Violation.describe(e));
          }
        }
      }
      pause(round);
    }
  }

  private static void pause(int round) {
    try {
      Thread.sleep(Math.min(1_000, 10L << Math.min(round, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Set<ContainerId> ids(Inventory inventory) {
    Set<ContainerId> ids = new HashSet<>();
    for (Container c : inventory.containers()) {
      ids.add(c.id());
    }
    return ids;
  }

  /** A separator the name rules allow between the parts of a name. */
  private static String chooseSeparator(NameRules rules, String start) {
    for (String sep : List.of("-", "_", ".", "")) {
      if (rules.allows(start + sep + "x" + sep + "1")) {
        return sep;
      }
    }
    throw new IllegalStateException(
        "the fixture's namePrefix() with a run token (" + start + ") breaks the array's name rules "
            + rules + "; override namePrefix() with a prefix the array allows");
  }
}
