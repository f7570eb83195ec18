package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogTest {

  @Test
  void hiddenImagesAreStaleByTheTimeInTheirName() {
    long now = 1_800_000_000_000L;

    assertThat(Catalog.madeBefore(Images.NEW_PREFIX + (now - 1) + "-0a1b2c3d", now)).isTrue();
    assertThat(Catalog.madeBefore(Images.NEW_PREFIX + now + "-0a1b2c3d", now)).isFalse();
    assertThat(Catalog.madeBefore(Images.NEW_PREFIX + "x-0a1b2c3d", now)).isFalse();
    assertThat(Catalog.madeBefore(".someone-elses-1-2", now)).isFalse();
    assertThat(Images.NEW_PREFIX).startsWith(Catalog.HIDDEN_PREFIX);
  }
}
