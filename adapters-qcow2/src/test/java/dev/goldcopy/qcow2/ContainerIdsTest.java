package dev.goldcopy.qcow2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreId;
import org.junit.jupiter.api.Test;

class ContainerIdsTest {

  @Test
  void idsNameTheirStoreNameAndToken() {
    ContainerId id = ContainerIds.format(StoreId.of("tenants/acme/pool-1"), "vm-1.qcow2", "abc");

    assertThat(id.value()).isEqualTo("tenants/acme/pool-1/vm-1.qcow2#abc");
    assertThat(ContainerIds.parse(id))
        .contains(new ContainerIds.Parts(StoreId.of("tenants/acme/pool-1"), "vm-1.qcow2", "abc"));
  }

  @Test
  void foreignIdsAreNotParsed() {
    assertThat(ContainerIds.parse(ContainerId.of("vm-1"))).isEmpty();
    assertThat(ContainerIds.parse(ContainerId.of("pool/vm-1#"))).isEmpty();
    assertThat(ContainerIds.parse(ContainerId.of("/vm-1#t"))).isEmpty();
    assertThat(ContainerIds.parse(ContainerId.of("pool/#t"))).isEmpty();
    assertThat(ContainerIds.parse(ContainerId.of("vm#1/x"))).isEmpty();
  }
}
