package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A physical copy costs its share of the source, rounded up, without overflow. */
class CopyCostsTest {
  private static final long GIB = 1L << 30;

  @Test
  void thickThinAndDeduplicatedCopiesCostTheirShare() {
    assertThat(CopyCosts.thick(0).physicalCopyBytes(40 * GIB)).isEqualTo(40 * GIB);
    assertThat(CopyCosts.thin(25, 0).physicalCopyBytes(40 * GIB)).isEqualTo(10 * GIB);
    assertThat(CopyCosts.deduplicated(1 << 20).physicalCopyBytes(40 * GIB)).isZero();
    assertThat(CopyCosts.thin(1, 0).physicalCopyBytes(1)).as("rounded up").isEqualTo(1);
    assertThat(CopyCosts.thin(50, 0).physicalCopyBytes(Long.MAX_VALUE))
        .isEqualTo(Long.MAX_VALUE / 2 + 1);
  }

  @Test
  void refusesValuesOutOfRange() {
    assertThatThrownBy(() -> new CopyCosts(101, 0)).hasMessageStartingWith("physicalCopyPercent");
    assertThatThrownBy(() -> CopyCosts.thick(-1)).hasMessageStartingWith("virtualCopyBytes");
    assertThatThrownBy(() -> CopyCosts.thick(0).physicalCopyBytes(-1))
        .hasMessageStartingWith("sourceSizeBytes");
  }
}
