package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.StoreRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespacesTest {

  @Test
  void safeNamesAreTenantDotStore() {
    assertThat(Namespaces.defaultFor(StoreRef.of("acme", "pool-1"))).isEqualTo("acme.pool-1");
  }

  @Test
  void otherCharactersAreReplacedAndAHashKeepsStoresApart() {
    String a = Namespaces.defaultFor(StoreRef.of("acme corp", "pool/1"));
    String b = Namespaces.defaultFor(StoreRef.of("acme_corp", "pool_1"));
    String c = Namespaces.defaultFor(StoreRef.of("acme corp", "pool 1"));

    assertThat(a).startsWith("acme_corp.pool_1-").hasSize("acme_corp.pool_1-".length() + 8);
    assertThat(b).isEqualTo("acme_corp.pool_1");
    assertThat(a).isNotEqualTo(c);
    assertThat(Namespaces.isValid(a)).isTrue();
    assertThat(Namespaces.isValid(Namespaces.defaultFor(StoreRef.of("t".repeat(100), "s"))))
        .isTrue();
  }

  @Test
  void onlyConfiguredStoresAreServed() {
    Namespaces ns = new Namespaces(Map.of(StoreRef.of("acme", "p"), "acme.p"));

    assertThat(ns.require(StoreRef.of("acme", "p"))).isEqualTo("acme.p");
    assertThatThrownBy(() -> ns.require(StoreRef.of("other", "p")))
        .isInstanceOf(AccessDeniedException.class);
  }
}
