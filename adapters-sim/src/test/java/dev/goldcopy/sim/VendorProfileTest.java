package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorProfileTest {
  private static final long GIB = 1L << 30;

  /** name, per source, array total, depth, concurrent physical copies. */
  private record Published(
      VendorProfile profile, int perSource, int total, int depth, int physicalCopies) {}

  private static final List<Published> PUBLISHED =
      List.of(
          new Published(VendorProfile.HPE_3PAR, 500, 0, 1, 8),
          new Published(VendorProfile.DELL_PS, 512, 0, 1, 8),
          new Published(VendorProfile.DELL_MD3200, 8, 128, 1, 8),
          new Published(VendorProfile.DELL_ME4, 254, 0, 1, 8),
          new Published(VendorProfile.DELL_ME4_LARGE_POOLS, 8, 0, 1, 4),
          new Published(VendorProfile.EMC_VNX, 16, 0, 1, 8),
          new Published(VendorProfile.DELL_POWERSTORE, 32, 0, 1, 8),
          new Published(VendorProfile.CEPH_RBD, 510, 0, 5, 8));

  @Test
  void namedProfilesCarryThePublishedLimits() {
    for (Published p : PUBLISHED) {
      assertThat(p.profile().capabilities().maxVirtualCopiesPerSource()).as(p.profile().name()).isEqualTo(p.perSource());
      assertThat(p.profile().capabilities().maxVirtualCopiesTotal()).as(p.profile().name()).isEqualTo(p.total());
      assertThat(p.profile().capabilities().maxLocalReplicationDepth()).as(p.profile().name()).isEqualTo(p.depth());
      assertThat(p.profile().capabilities().maxConcurrentPhysicalCopies())
          .as(p.profile().name())
          .isEqualTo(p.physicalCopies());
    }
  }

  @Test
  void theArrayDeclaresItsProfile() {
    for (Published p : PUBLISHED) {
      SimulatedArray sim = SimulatedArray.builder().profile(p.profile()).build();
      StoreRef store = sim.addStore(TenantId.of("t"), StoreId.of("s"));

      ArrayCapabilities caps = sim.await(sim.capabilities(store));

      assertThat(caps.maxVirtualCopiesPerSource()).isEqualTo(p.perSource());
      assertThat(caps.maxVirtualCopiesTotal()).isEqualTo(p.total());
      assertThat(caps.maxLocalReplicationDepth()).isEqualTo(p.depth());
      assertThat(caps.maxConcurrentPhysicalCopies()).isEqualTo(p.physicalCopies());
      assertThat(caps.totalCapacityBytes()).isEqualTo(p.profile().storeCapacityBytes());
      assertThat(caps.copyBandwidthBytesPerSecond())
          .isEqualTo(p.profile().latency().aggregateBytesPerSecond());
    }
  }

  @Test
  void largePoolsHoldTwoHundredFiftyReplicasOfAFortyGibImageWithTheirClones() {
    VendorProfile me4 = VendorProfile.DELL_ME4_LARGE_POOLS;
    long replicas = 250 * 40 * GIB;
    long clones = 2_000 * me4.cloneBytes();

    assertThat(me4.storeCapacityBytes()).isGreaterThanOrEqualTo(replicas + clones);
  }

  @Test
  void customProfilesStartFromTheSimulationDefaults() {
    VendorProfile custom = VendorProfile.builder("lab array").build();

    assertThat(custom.name()).isEqualTo("lab array");
    assertThat(custom.toString()).isEqualTo("lab array");
    assertThat(custom.capabilities().maxVirtualCopiesPerSource()).isEqualTo(ArrayCapabilities.UNLIMITED);
    assertThat(custom.capabilities().maxVirtualCopiesTotal()).isEqualTo(ArrayCapabilities.UNLIMITED);
    assertThat(custom.capabilities().maxLocalReplicationDepth()).isEqualTo(1);
    assertThat(custom.capabilities().maxConcurrentPhysicalCopies())
        .isEqualTo(VendorProfile.DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES);
    assertThat(custom.capabilities().maxConcurrentVirtualCopies())
        .isEqualTo(VendorProfile.DEFAULT_MAX_CONCURRENT_VIRTUAL_COPIES);
    assertThat(custom.capabilities().maxNameLength()).isEqualTo(VendorProfile.DEFAULT_MAX_NAME_LENGTH);
    assertThat(custom.storeCapacityBytes()).isEqualTo(100L << 40);
    assertThat(custom.cloneBytes()).isEqualTo(256L << 20);
    assertThat(custom.latency()).isEqualTo(LatencyModel.DEFAULT);
    assertThat(custom.controllers()).isEqualTo(1);
    assertThat(VendorProfile.builtIns().values()).allSatisfy(p -> assertThat(p.controllers()).isEqualTo(1));
  }

  @Test
  void toBuilderKeepsEveryFigureAndChangesOne() {
    VendorProfile base = VendorProfile.DELL_MD3200;

    assertThat(base.toBuilder().build()).isEqualTo(base);
    VendorProfile faster = base.toBuilder().maxConcurrentVirtualCopies(9).name("md fast").build();
    assertThat(faster.capabilities().maxConcurrentVirtualCopies()).isEqualTo(9);
    assertThat(faster.capabilities().maxVirtualCopiesTotal()).isEqualTo(128);
    assertThat(faster.name()).isEqualTo("md fast");
    assertThat(base.toBuilder().controllers(2).build().toBuilder().build().controllers()).isEqualTo(2);
  }

  @Test
  void theArrayBuilderCanReplaceTheProfilesLatency() {
    LatencyModel slow = LatencyModel.builder().cloneLatency(Duration.ofSeconds(30)).build();

    SimulatedArray sim =
        SimulatedArray.builder().profile(VendorProfile.DELL_PS).latency(slow).build();

    assertThat(sim.profile().latency()).isEqualTo(slow);
    assertThat(sim.profile().capabilities().maxVirtualCopiesPerSource()).isEqualTo(512);
  }

  @Test
  void badFiguresAreRefusedNamingTheField() {
    assertThatThrownBy(() -> VendorProfile.builder(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> VendorProfile.builder("x").maxVirtualCopiesPerSource(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxVirtualCopiesPerSource");
    assertThatThrownBy(() -> VendorProfile.builder("x").maxConcurrentVirtualCopies(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentVirtualCopies");
    assertThatThrownBy(() -> VendorProfile.builder("x").maxNameLength(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLengthBytes");
    assertThatThrownBy(() -> VendorProfile.builder("x").storeCapacityBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storeCapacityBytes");
    assertThatThrownBy(() -> VendorProfile.builder("x").copyCosts(CopyCosts.thick(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("virtualCopyBytes");
    assertThatThrownBy(() -> VendorProfile.builder("x").controllers(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("controllers");
  }
}
