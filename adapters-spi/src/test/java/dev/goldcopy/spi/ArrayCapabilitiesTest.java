package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ArrayCapabilities follows SMI-S (0 is unlimited) and names the field it refuses. */
class ArrayCapabilitiesTest {

  @Test
  void defaultsAreUnlimitedExceptDepthOne() {
    ArrayCapabilities caps = ArrayCapabilities.builder().build();

    assertThat(ArrayCapabilities.isLimited(caps.maxVirtualCopiesPerSource())).isFalse();
    assertThat(caps.maxLocalReplicationDepth()).isEqualTo(1);
    assertThat(caps.allowsVirtualCopyOfVirtualCopy()).isFalse();
    assertThat(caps.freeCapacityBytes()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void builderRoundTripsAndLowersFreeCapacityToTheTotal() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder()
            .maxVirtualCopiesPerSource(8)
            .maxVirtualCopiesTotal(128)
            .maxLocalReplicationDepth(0)
            .totalCapacityBytes(1000)
            .build();

    assertThat(caps.freeCapacityBytes()).isEqualTo(1000);
    assertThat(caps.allowsVirtualCopyOfVirtualCopy()).isTrue();
    assertThat(caps.toBuilder().build()).isEqualTo(caps);
    assertThat(caps.withFreeCapacityBytes(10).freeCapacityBytes()).isEqualTo(10);
  }

  @Test
  void refusesValuesOutOfRangeNamingTheField() {
    assertThatThrownBy(() -> ArrayCapabilities.builder().maxVirtualCopiesPerSource(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxVirtualCopiesPerSource");
    assertThatThrownBy(() -> ArrayCapabilities.builder().totalCapacityBytes(10).freeCapacityBytes(11).build())
        .hasMessageStartingWith("freeCapacityBytes");
    assertThatThrownBy(() -> ArrayCapabilities.builder().maxNameLength(0).build())
        .hasMessageStartingWith("maxLengthBytes");
    assertThatThrownBy(() -> ArrayCapabilities.builder().usedContainersTotal(-1).build())
        .hasMessageStartingWith("usedContainersTotal");
  }

  @Test
  void errorsSayWhetherARetryCanHelp() {
    assertThat(new BusyException("busy", Duration.ofSeconds(2)).retryable()).isTrue();
    assertThat(new BusyException("busy").retryAfter()).isEmpty();
    assertThat(new BusyException("busy", Duration.ofSeconds(2)).retryAfter())
        .contains(Duration.ofSeconds(2));
    assertThat(new TransientArrayException("lost").retryable()).isTrue();
    assertThat(new LimitReachedException(LimitReachedException.Scope.PER_SOURCE, 8, "full"))
        .satisfies(e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.limit()).isEqualTo(8);
          assertThat(e.scope()).isEqualTo(LimitReachedException.Scope.PER_SOURCE);
        });
    assertThat(new CopyFailedException(ContainerId.of("r1"), "broke").container())
        .isEqualTo(ContainerId.of("r1"));
    assertThat(new ConflictException("x").retryable()).isFalse();
    assertThat(new AccessDeniedException("x").retryable()).isFalse();
    assertThat(new InsufficientCapacityException("x").retryable()).isFalse();
    assertThat(new ContainerNotFoundException("x").retryable()).isFalse();
    assertThatThrownBy(() -> new BusyException("x", Duration.ofSeconds(-1)))
        .hasMessageContaining("retryAfter");
  }

  @Test
  void remainingRoomCountsWhatOthersHoldAndTellsUnsupportedFromUnlimited() {
    ArrayCapabilities shared =
        ArrayCapabilities.builder()
            .maxVirtualCopiesTotal(128)
            .usedVirtualCopiesTotal(100)
            .maxContainersTotal(50)
            .usedContainersTotal(60)
            .build();
    ArrayCapabilities unlimited = ArrayCapabilities.builder().build();
    ArrayCapabilities fullCopiesOnly =
        ArrayCapabilities.builder().virtualCopiesSupported(false).build();

    assertThat(shared.remainingVirtualCopies()).isEqualTo(28);
    assertThat(shared.remainingContainers()).as("over the limit is none left, not negative").isZero();
    assertThat(unlimited.remainingVirtualCopies()).isEqualTo(Integer.MAX_VALUE);
    assertThat(fullCopiesOnly.remainingVirtualCopies()).isZero();
    assertThat(fullCopiesOnly.maxVirtualCopiesPerSource()).isEqualTo(ArrayCapabilities.UNLIMITED);
    assertThat(fullCopiesOnly.allowsVirtualCopyOfVirtualCopy()).isFalse();
  }
}
