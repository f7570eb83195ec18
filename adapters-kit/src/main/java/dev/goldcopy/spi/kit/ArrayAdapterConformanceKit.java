package dev.goldcopy.spi.kit;

import dev.goldcopy.spi.Labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit: checks that an {@link ArrayAdapter} keeps every promise its javadoc makes.
 * A vendor extends this class in its own test sources and implements {@link #createFixture()};
 * nothing else.
 *
 * <pre>{@code
 * class AcmeArrayConformanceTest extends ArrayAdapterConformanceKit {
 *   @Override
 *   protected ConformanceFixture createFixture() {
 *     return new AcmeFixture(); // the adapter, two stores of two tenants, a way to make an origin
 *   }
 * }
 * }</pre>
 *
 * <p>Tests that need a capability the adapter does not declare (a per-source limit, an array-wide
 * total, a replication depth, a finite capacity) are skipped through JUnit assumptions. Every test
 * removes what it made and then checks that both stores hold exactly what they held before.
 */
public abstract class ArrayAdapterConformanceKit {

  /** The size of the origins the kit makes, unless a test needs another: 1 GiB. */
  protected static final long ORIGIN_SIZE = 1L << 30;

  private static final ContentId CONTENT = ContentId.of("conformance-image", "1");
  private static final ContentId OTHER_CONTENT = ContentId.of("conformance-image", "2");
  private static final GroupId GROUP = GroupId.of("conformance-group");
  private static final GroupId OTHER_GROUP = GroupId.of("conformance-group-2");
  private static final long MIB = 1L << 20;
  private static final int LIFECYCLE_REPETITIONS = 10;
  private static final int CLEANUP_ROUNDS = 100;

  private @Nullable ConformanceFixture fixture;
  private Set<ContainerId> initialOwn = Set.of();
  private Set<ContainerId> initialOther = Set.of();
  private int nameCounter;

  /** Creates the kit; JUnit calls it. */
  protected ArrayAdapterConformanceKit() {}

  /**
   * Returns a new fixture for one test: the adapter under test, its stores and its admin path.
   *
   * @return the fixture, which the kit closes after the test
   */
  protected abstract ConformanceFixture createFixture();

  @BeforeEach
  final void openFixture() {
    ConformanceFixture f = createFixture();
    fixture = f;
    initialOwn = ids(inventory(f.store()));
    initialOther = ids(inventory(f.otherTenantStore()));
  }

  @AfterEach
  final void removeWhatTheTestMadeAndCheck() throws Exception {
    ConformanceFixture f = fixture();
    try {
      removeLeftovers(f.store(), initialOwn);
      removeLeftovers(f.otherTenantStore(), initialOther);
      assertThat(ids(inventory(f.store())))
          .as("containers in %s after the test removed what it made", f.store())
          .isEqualTo(initialOwn);
      assertThat(ids(inventory(f.otherTenantStore())))
          .as("containers in %s after the test removed what it made", f.otherTenantStore())
          .isEqualTo(initialOther);
    } finally {
      fixture = null;
      f.close();
    }
  }

  // ---------------------------------------------------------------- create, list, delete

  @Test
  void capabilitiesAndInventoryAnswerForTheOwnStore() {
    ArrayCapabilities caps = capabilities();
    assertThat(caps.freeCapacityBytes()).isLessThanOrEqualTo(caps.totalCapacityBytes());
    assertThat(caps.maxNameLength()).isPositive();
    assertThat(inventory(store()).store()).isEqualTo(store());
  }

  @Test
  void virtualCopyIsCreatedListedAndDeleted() {
    Container origin = origin(name("o"));
    String name = name("v");

    Container clone = virtualCopy(origin.id(), name);

    assertThat(clone.name()).isEqualTo(name);
    assertThat(clone.state()).isEqualTo(ContainerState.READY);
    assertThat(inventory(store()).find(clone.id())).isPresent();
    delete(clone.id());
    assertThat(inventory(store()).find(clone.id())).isEmpty();
    assertThat(inventory(store()).findByName(name)).isEmpty();
  }

  @Test
  void physicalCopyIsCreatedListedAndDeleted() {
    Container origin = origin(name("o"));
    String name = name("r");

    Container replica = physicalCopy(origin.id(), name);

    assertThat(replica.name()).isEqualTo(name);
    assertThat(replica.state()).isEqualTo(ContainerState.READY);
    assertThat(inventory(store()).find(replica.id())).isPresent();
    delete(replica.id());
    assertThat(inventory(store()).find(replica.id())).isEmpty();
  }

  @Test
  void physicalCopyIsListedAsSoonAsItIsAccepted() {
    Container origin = origin(name("o"));
    String name = name("r");

    CompletionStage<Container> pending = adapter().createPhysicalCopy(store(), origin.id(), name, Labels.empty());
    Optional<Container> listed = inventory(store()).findByName(name);
    Container replica = await(pending);

    assertThat(listed).as("the new copy in the inventory taken right after the call").isPresent();
    assertThat(listed.orElseThrow().id()).isEqualTo(replica.id());
    assertThat(listed.orElseThrow().state()).isIn(ContainerState.COPYING, ContainerState.READY);
  }

  @Test
  void inventoryReportsKindGroupContentSourceAndState() {
    Container origin = origin(name("o"));
    Container replica = physicalCopy(origin.id(), name("r"));
    Container clone = virtualCopy(replica.id(), name("v"));
    Inventory inventory = inventory(store());

    Container listedOrigin = inventory.find(origin.id()).orElseThrow();
    assertThat(listedOrigin.kind()).isEqualTo(ContainerKind.PHYSICAL_MASTER);
    assertThat(listedOrigin.isOrigin()).isTrue();
    assertThat(listedOrigin.group()).isEqualTo(GROUP);
    assertThat(listedOrigin.content()).isEqualTo(CONTENT);
    assertThat(listedOrigin.state()).isEqualTo(ContainerState.READY);
    assertThat(listedOrigin.store()).isEqualTo(store());

    Container listedReplica = inventory.find(replica.id()).orElseThrow();
    assertThat(listedReplica.kind()).isEqualTo(ContainerKind.PHYSICAL_MASTER);
    assertThat(listedReplica.isOrigin()).isFalse();
    assertThat(listedReplica.group()).isEqualTo(GROUP);
    assertThat(listedReplica.content()).isEqualTo(CONTENT);
    assertThat(listedReplica.source()).isEqualTo(origin.id());
    assertThat(listedReplica.sizeBytes()).isEqualTo(origin.sizeBytes());
    assertThat(listedReplica.state()).isEqualTo(ContainerState.READY);
    assertThat(listedReplica.store()).isEqualTo(store());
    assertThat(listedReplica.name()).isEqualTo(replica.name());

    Container listedClone = inventory.find(clone.id()).orElseThrow();
    assertThat(listedClone.kind()).isEqualTo(ContainerKind.VIRTUAL_COPY);
    assertThat(listedClone.group()).isNull();
    assertThat(listedClone.content()).isEqualTo(CONTENT);
    assertThat(listedClone.source()).isEqualTo(replica.id());
    assertThat(listedClone.state()).isEqualTo(ContainerState.READY);
    assertThat(listedClone.store()).isEqualTo(store());
    assertThat(listedClone.name()).isEqualTo(clone.name());
  }

  @Test
  void finishedPhysicalCopyOutlivesItsSource() {
    Container origin = origin(name("o"));
    Container replica = physicalCopy(origin.id(), name("r"));

    delete(origin.id());

    Container listed = inventory(store()).find(replica.id()).orElseThrow();
    assertThat(listed.state()).isEqualTo(ContainerState.READY);
    assertThat(inventory(store()).find(origin.id())).isEmpty();
  }

  // ---------------------------------------------------------------- idempotence and conflicts

  @Test
  void sameVirtualCopyRequestedTwiceGivesOneContainer() {
    Container origin = origin(name("o"));
    String name = name("v");

    Container first = virtualCopy(origin.id(), name);
    Container second = virtualCopy(origin.id(), name);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(countNamed(name)).isEqualTo(1);
  }

  @Test
  void samePhysicalCopyRequestedTwiceGivesOneContainer() {
    Container origin = origin(name("o"));
    String name = name("r");

    Container first = physicalCopy(origin.id(), name);
    Container second = physicalCopy(origin.id(), name);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(countNamed(name)).isEqualTo(1);
  }

  @Test
  void physicalCopyRequestedAgainWhileCopyingGivesOneContainer() {
    Container origin = origin(name("o"));
    String name = name("r");

    CompletionStage<Container> first = adapter().createPhysicalCopy(store(), origin.id(), name, Labels.empty());
    CompletionStage<Container> second = adapter().createPhysicalCopy(store(), origin.id(), name, Labels.empty());

    Container a = await(first);
    Container b = await(second);
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.state()).isEqualTo(ContainerState.READY);
    assertThat(countNamed(name)).isEqualTo(1);
  }

  @Test
  void sameNameWithAnotherSourceConflicts() {
    Container origin = origin(name("o"));
    Container other = origin(name("o"));
    String cloneName = name("v");
    String replicaName = name("r");
    virtualCopy(origin.id(), cloneName);
    physicalCopy(origin.id(), replicaName);
    Set<ContainerId> before = ids(inventory(store()));

    expectFailure(
        ConflictException.class,
        () -> adapter().createVirtualCopy(store(), other.id(), cloneName, Labels.empty()));
    expectFailure(
        ConflictException.class,
        () -> adapter().createPhysicalCopy(store(), other.id(), replicaName, Labels.empty()));

    assertThat(ids(inventory(store()))).isEqualTo(before);
  }

  @Test
  void sameNameWithAnotherKindConflicts() {
    Container origin = origin(name("o"));
    String cloneName = name("v");
    String replicaName = name("r");
    virtualCopy(origin.id(), cloneName);
    physicalCopy(origin.id(), replicaName);
    Set<ContainerId> before = ids(inventory(store()));

    expectFailure(
        ConflictException.class,
        () -> adapter().createPhysicalCopy(store(), origin.id(), cloneName, Labels.empty()));
    expectFailure(
        ConflictException.class,
        () -> adapter().createVirtualCopy(store(), origin.id(), replicaName, Labels.empty()));
    expectFailure(
        ConflictException.class,
        () -> adapter().createVirtualCopy(store(), origin.id(), origin.name(), Labels.empty()));

    assertThat(ids(inventory(store()))).isEqualTo(before);
  }

  @Test
  void physicalCopyOfAVirtualCopyConflicts() {
    Container origin = origin(name("o"));
    Container clone = virtualCopy(origin.id(), name("v"));
    Set<ContainerId> before = ids(inventory(store()));

    expectFailure(
        ConflictException.class,
        () -> adapter().createPhysicalCopy(store(), clone.id(), name("r"), Labels.empty()));

    assertThat(ids(inventory(store()))).isEqualTo(before);
  }

  // ---------------------------------------------------------------- delete

  @Test
  void deletingAMissingContainerSucceeds() {
    Container origin = origin(name("o"));
    Container clone = virtualCopy(origin.id(), name("v"));
    delete(clone.id());

    delete(clone.id());

    assertThat(inventory(store()).find(clone.id())).isEmpty();
  }

  @Test
  void masterWithVirtualCopiesCannotBeDeletedUntilTheyAreGone() {
    Container origin = origin(name("o"));
    Container first = virtualCopy(origin.id(), name("v"));
    Container second = virtualCopy(origin.id(), name("v"));

    expectFailure(ConflictException.class, () -> adapter().delete(store(), origin.id()));
    assertThat(inventory(store()).find(origin.id())).isPresent();
    delete(first.id());
    expectFailure(ConflictException.class, () -> adapter().delete(store(), origin.id()));
    delete(second.id());
    delete(origin.id());

    assertThat(inventory(store()).find(origin.id())).isEmpty();
  }

  @Test
  void missingSourceIsNotFound() {
    Container origin = origin(name("o"));
    Container gone = virtualCopy(origin.id(), name("v"));
    Container goneMaster = physicalCopy(origin.id(), name("r"));
    delete(gone.id());
    delete(goneMaster.id());
    Set<ContainerId> before = ids(inventory(store()));

    expectFailure(
        ContainerNotFoundException.class,
        () -> adapter().createVirtualCopy(store(), goneMaster.id(), name("v"), Labels.empty()));
    expectFailure(
        ContainerNotFoundException.class,
        () -> adapter().createPhysicalCopy(store(), goneMaster.id(), name("r"), Labels.empty()));
    expectFailure(
        ContainerNotFoundException.class,
        () -> adapter().createVirtualCopy(store(), gone.id(), name("v"), Labels.empty()));

    assertThat(ids(inventory(store()))).isEqualTo(before);
  }

  // ---------------------------------------------------------------- limits

  @Test
  void perSourceLimitHoldsExactly() {
    ArrayCapabilities caps = capabilities();
    int limit = caps.maxVirtualCopiesPerSource();
    assumeTrue(ArrayCapabilities.isLimited(limit), "the adapter declares a per-source limit");
    assumeTrue(
        roomInArrayTotal(caps) > limit,
        "the array-wide total leaves room for one more than the per-source limit");
    Container origin = origin(name("o"));

    List<Container> clones = new ArrayList<>();
    for (int i = 0; i < limit; i++) {
      clones.add(virtualCopy(origin.id(), name("v")));
    }
    Set<ContainerId> before = ids(inventory(store()));
    LimitReachedException refused =
        expectFailure(
            LimitReachedException.class,
            () -> adapter().createVirtualCopy(store(), origin.id(), name("v"), Labels.empty()));

    assertThat(refused.scope()).isEqualTo(LimitReachedException.Scope.PER_SOURCE);
    assertThat(refused.limit()).isEqualTo(limit);
    assertThat(refused.retryable()).isFalse();
    assertThat(ids(inventory(store()))).isEqualTo(before);
    assertThat(clones).extracting(Container::id).doesNotHaveDuplicates();

    delete(clones.get(0).id());
    Container again = virtualCopy(origin.id(), name("v"));
    assertThat(again.source()).isEqualTo(origin.id());
  }

  @Test
  void arrayWideTotalHoldsExactly() {
    ArrayCapabilities caps = capabilities();
    assumeTrue(
        ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal()),
        "the adapter declares an array-wide total");
    long room = roomInArrayTotal(caps);
    int perSource =
        ArrayCapabilities.isLimited(caps.maxVirtualCopiesPerSource())
            ? caps.maxVirtualCopiesPerSource()
            : Integer.MAX_VALUE;

    List<Container> clones = new ArrayList<>();
    Container source = origin(name("o"));
    int onSource = 0;
    for (long i = 0; i < room; i++) {
      if (onSource == perSource) {
        source = origin(name("o"));
        onSource = 0;
      }
      clones.add(virtualCopy(source.id(), name("v")));
      onSource++;
    }
    Container fresh = origin(name("o"));
    Set<ContainerId> before = ids(inventory(store()));
    LimitReachedException refused =
        expectFailure(
            LimitReachedException.class,
            () -> adapter().createVirtualCopy(store(), fresh.id(), name("v"), Labels.empty()));

    assertThat(refused.scope()).isEqualTo(LimitReachedException.Scope.ARRAY_TOTAL);
    assertThat(refused.limit()).isEqualTo(caps.maxVirtualCopiesTotal());
    assertThat(ids(inventory(store()))).isEqualTo(before);

    delete(clones.get(clones.size() - 1).id());
    Container again = virtualCopy(fresh.id(), name("v"));
    assertThat(again.source()).isEqualTo(fresh.id());
  }

  @Test
  void virtualCopiesChainNoDeeperThanDeclared() {
    ArrayCapabilities caps = capabilities();
    int depth = caps.maxLocalReplicationDepth();
    assumeTrue(ArrayCapabilities.isLimited(depth), "the adapter declares a replication depth");
    assumeTrue(roomInArrayTotal(caps) > depth, "the array-wide total leaves room for the chain");
    Container source = origin(name("o"));

    for (int level = 1; level <= depth; level++) {
      source = virtualCopy(source.id(), name("v"));
    }
    ContainerId deepest = source.id();
    Set<ContainerId> before = ids(inventory(store()));
    LimitReachedException refused =
        expectFailure(
            LimitReachedException.class,
            () -> adapter().createVirtualCopy(store(), deepest, name("v"), Labels.empty()));

    assertThat(refused.scope()).isEqualTo(LimitReachedException.Scope.REPLICATION_DEPTH);
    assertThat(refused.limit()).isEqualTo(depth);
    assertThat(ids(inventory(store()))).isEqualTo(before);
  }

  @Test
  void exhaustedCapacityIsRefusedAndLeavesNothingHalfMade() {
    ArrayCapabilities caps = capabilities();
    assumeTrue(
        caps.totalCapacityBytes() < Long.MAX_VALUE, "the adapter declares a finite capacity");
    long free = caps.freeCapacityBytes();
    long size = ceilToMib(free / 2 + 1);
    assumeTrue(size <= free, "an origin of more than half the free capacity fits");
    Container big =
        fixture().createOrigin(store(), name("o"), OTHER_CONTENT, OTHER_GROUP, size);
    ArrayCapabilities afterOrigin = capabilities();
    assumeTrue(
        afterOrigin.freeCapacityBytes() < big.sizeBytes(),
        "the origin's capacity is reserved, so a copy of it cannot fit");
    Set<ContainerId> before = ids(inventory(store()));

    InsufficientCapacityException refused =
        expectFailure(
            InsufficientCapacityException.class,
            () -> adapter().createPhysicalCopy(store(), big.id(), name("r"), Labels.empty()));

    assertThat(refused.retryable()).isFalse();
    assertThat(ids(inventory(store()))).isEqualTo(before);
    assertThat(capabilities().freeCapacityBytes()).isEqualTo(afterOrigin.freeCapacityBytes());
  }

  @Test
  void physicalCopyReservesItsSizeWhenItStarts() {
    ArrayCapabilities caps = capabilities();
    assumeTrue(
        caps.totalCapacityBytes() < Long.MAX_VALUE, "the adapter declares a finite capacity");
    Container origin = origin(name("o"));
    long freeBefore = capabilities().freeCapacityBytes();

    CompletionStage<Container> pending =
        adapter().createPhysicalCopy(store(), origin.id(), name("r"), Labels.empty());
    long freeWhileCopying = capabilities().freeCapacityBytes();
    await(pending);

    assertThat(freeWhileCopying).isLessThanOrEqualTo(freeBefore - origin.sizeBytes());
  }

  // ---------------------------------------------------------------- tenancy

  @Test
  void anotherTenantsStoreIsRefused() {
    StoreRef foreign = new StoreRef(store().tenant(), otherTenantStore().store());
    Container theirs =
        fixture()
            .createOrigin(otherTenantStore(), name("o"), CONTENT, GROUP, ORIGIN_SIZE);
    Set<ContainerId> theirsBefore = ids(inventory(otherTenantStore()));

    expectFailure(AccessDeniedException.class, () -> adapter().capabilities(foreign));
    expectFailure(AccessDeniedException.class, () -> adapter().inventory(foreign));
    expectFailure(
        AccessDeniedException.class,
        () -> adapter().createVirtualCopy(foreign, theirs.id(), name("v"), Labels.empty()));
    expectFailure(
        AccessDeniedException.class,
        () -> adapter().createPhysicalCopy(foreign, theirs.id(), name("r"), Labels.empty()));
    expectFailure(AccessDeniedException.class, () -> adapter().delete(foreign, theirs.id()));

    assertThat(ids(inventory(otherTenantStore()))).isEqualTo(theirsBefore);
  }

  @Test
  void anotherTenantsContainerIsRefused() {
    Container theirs =
        fixture()
            .createOrigin(otherTenantStore(), name("o"), CONTENT, GROUP, ORIGIN_SIZE);
    Set<ContainerId> ownBefore = ids(inventory(store()));
    Set<ContainerId> theirsBefore = ids(inventory(otherTenantStore()));

    AccessDeniedException refused =
        expectFailure(
            AccessDeniedException.class,
            () -> adapter().createVirtualCopy(store(), theirs.id(), name("v"), Labels.empty()));
    expectFailure(
        AccessDeniedException.class,
        () -> adapter().createPhysicalCopy(store(), theirs.id(), name("r"), Labels.empty()));
    expectFailure(AccessDeniedException.class, () -> adapter().delete(store(), theirs.id()));

    assertThat(refused.retryable()).isFalse();
    assertThat(ids(inventory(store()))).isEqualTo(ownBefore);
    assertThat(ids(inventory(otherTenantStore()))).isEqualTo(theirsBefore);
    assertThat(inventory(otherTenantStore()).find(theirs.id()).orElseThrow().state())
        .isEqualTo(ContainerState.READY);
  }

  // ---------------------------------------------------------------- names

  @Test
  void namesOfTheMaximumLengthWork() {
    int max = capabilities().maxNameLength();
    Container origin = origin(name("o"));
    String cloneName = padded("gc-v", 'v', max);
    String replicaName = padded("gc-r", 'r', max);

    Container clone = virtualCopy(origin.id(), cloneName);
    Container replica = physicalCopy(origin.id(), replicaName);

    assertThat(clone.name()).isEqualTo(cloneName);
    assertThat(replica.name()).isEqualTo(replicaName);
    assertThat(inventory(store()).findByName(cloneName)).isPresent();
    assertThat(inventory(store()).findByName(replicaName)).isPresent();
  }

  @Test
  void namesLongerThanTheMaximumAreRefusedAtOnce() {
    int max = capabilities().maxNameLength();
    Container origin = origin(name("o"));
    String tooLong = padded("gc-x", 'x', max + 1);
    Set<ContainerId> before = ids(inventory(store()));

    assertThatThrownBy(() -> adapter().createVirtualCopy(store(), origin.id(), tooLong, Labels.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> adapter().createPhysicalCopy(store(), origin.id(), tooLong, Labels.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> adapter().createVirtualCopy(store(), origin.id(), " ", Labels.empty()))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(ids(inventory(store()))).isEqualTo(before);
  }

  @Test
  @SuppressWarnings("NullAway") // passes nulls on purpose
  void nullArgumentsAreRefusedAtOnce() {
    Container origin = origin(name("o"));
    @Nullable String noName = null;
    @Nullable ContainerId noId = null;
    @Nullable StoreRef noStore = null;

    assertThatThrownBy(() -> adapter().createVirtualCopy(store(), origin.id(), noName, Labels.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> adapter().createPhysicalCopy(store(), noId, name("r"), Labels.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> adapter().delete(noStore, origin.id()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> adapter().inventory(noStore))
        .isInstanceOf(NullPointerException.class);
  }

  // ---------------------------------------------------------------- the whole lifecycle

  @Test
  void wholeLifecycleRepeatedLeavesNothingBehind() {
    ArrayCapabilities caps = capabilities();
    int perMaster =
        ArrayCapabilities.isLimited(caps.maxVirtualCopiesPerSource())
            ? Math.min(2, caps.maxVirtualCopiesPerSource())
            : 2;
    if (ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal())) {
      perMaster = (int) Math.min(perMaster, roomInArrayTotal(caps) / 2);
    }
    Set<ContainerId> start = ids(inventory(store()));

    for (int round = 0; round < LIFECYCLE_REPETITIONS; round++) {
      Container origin = origin("gc-life-origin");
      Container replica = physicalCopy(origin.id(), "gc-life-replica");
      List<Container> clones = new ArrayList<>();
      for (int i = 0; i < perMaster; i++) {
        clones.add(virtualCopy(origin.id(), "gc-life-vo" + i));
        clones.add(virtualCopy(replica.id(), "gc-life-vr" + i));
      }
      assertThat(ids(inventory(store())))
          .as("round %d", round)
          .hasSize(start.size() + 2 + clones.size());

      for (Container clone : clones) {
        delete(clone.id());
      }
      delete(replica.id());
      delete(origin.id());
      assertThat(ids(inventory(store()))).as("round %d", round).isEqualTo(start);
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Returns the fixture of the running test.
   *
   * @return the fixture
   * @throws IllegalStateException outside a test
   */
  protected final ConformanceFixture fixture() {
    ConformanceFixture f = fixture;
    if (f == null) {
      throw new IllegalStateException("no test is running");
    }
    return f;
  }

  private ArrayAdapter adapter() {
    return fixture().adapter();
  }

  private StoreRef store() {
    return fixture().store();
  }

  private StoreRef otherTenantStore() {
    return fixture().otherTenantStore();
  }

  private <T> T await(CompletionStage<T> stage) {
    return fixture().await(stage);
  }

  private ArrayCapabilities capabilities() {
    return await(adapter().capabilities(store()));
  }

  private Inventory inventory(StoreRef store) {
    return await(adapter().inventory(store));
  }

  private Container origin(String name) {
    return fixture().createOrigin(store(), name, CONTENT, GROUP, ORIGIN_SIZE);
  }

  private Container virtualCopy(ContainerId source, String name) {
    return await(adapter().createVirtualCopy(store(), source, name, Labels.empty()));
  }

  private Container physicalCopy(ContainerId source, String name) {
    return await(adapter().createPhysicalCopy(store(), source, name, Labels.empty()));
  }

  private void delete(ContainerId id) {
    await(adapter().delete(store(), id));
  }

  private String name(String role) {
    nameCounter++;
    return "gc-" + role + "-" + nameCounter;
  }

  private long countNamed(String name) {
    return inventory(store()).containers().stream().filter(c -> c.name().equals(name)).count();
  }

  /** How many more virtual copies the array-wide total admits, counting those in both stores. */
  private long roomInArrayTotal(ArrayCapabilities caps) {
    if (!ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal())) {
      return Long.MAX_VALUE;
    }
    long existing =
        virtualCopies(inventory(store())) + virtualCopies(inventory(otherTenantStore()));
    return caps.maxVirtualCopiesTotal() - existing;
  }

  private static long virtualCopies(Inventory inventory) {
    return inventory.containers().stream()
        .filter(c -> c.kind() == ContainerKind.VIRTUAL_COPY)
        .count();
  }

  /**
   * Runs a call that must fail, and checks that it fails the returned stage (not the call itself)
   * with an error of {@code type}.
   */
  private <E extends ArrayException> E expectFailure(
      Class<E> type, Supplier<? extends CompletionStage<?>> call) {
    CompletionStage<?> stage;
    try {
      stage = call.get();
    } catch (ArrayException e) {
      throw new AssertionError(
          "an array error must complete the returned stage exceptionally, not be thrown", e);
    }
    Throwable failure = catchThrowable(() -> await(stage));
    assertThat(failure).isInstanceOf(type);
    return type.cast(failure);
  }

  /**
   * Deletes every container of {@code store} that is not in {@code initial}, dependents first,
   * over as many rounds as chains need.
   */
  private void removeLeftovers(StoreRef store, Set<ContainerId> initial) {
    for (int round = 0; round < CLEANUP_ROUNDS; round++) {
      List<Container> left =
          inventory(store).containers().stream()
              .filter(c -> !initial.contains(c.id()))
              .collect(Collectors.toList());
      if (left.isEmpty()) {
        return;
      }
      Set<ContainerId> sources =
          left.stream()
              .filter(c -> c.kind() == ContainerKind.VIRTUAL_COPY || c.state() == ContainerState.COPYING)
              .map(Container::source)
              .filter(s -> s != null)
              .collect(Collectors.toSet());
      for (Container c : left) {
        if (!sources.contains(c.id())) {
          try {
            await(adapter().delete(store, c.id()));
          } catch (ArrayException e) {
            // Busy or transient: the next round tries again.
          }
        }
      }
    }
  }

  private static Set<ContainerId> ids(Inventory inventory) {
    return inventory.containers().stream().map(Container::id).collect(Collectors.toSet());
  }

  private static String padded(String prefix, char fill, int length) {
    if (length <= prefix.length()) {
      return String.valueOf(fill).repeat(length);
    }
    return prefix + String.valueOf(fill).repeat(length - prefix.length());
  }

  private static long ceilToMib(long bytes) {
    return (bytes + MIB - 1) / MIB * MIB;
  }
}
