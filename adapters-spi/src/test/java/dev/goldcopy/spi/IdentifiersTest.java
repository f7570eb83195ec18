package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The identifier records refuse what no array could name, and name the field. */
class IdentifiersTest {
  private static final List<Function<String, Object>> FACTORIES =
      List.of(TenantId::of, StoreId::of, ContainerId::of, GroupId::of);

  @Test
  void acceptAndPrintPlainIdentifiers() {
    assertThat(TenantId.of("acme")).hasToString("acme");
    assertThat(StoreRef.of("acme", "pool-1")).hasToString("acme/pool-1");
    assertThat(ContentId.of("win11", "sha256:ab12")).hasToString("win11@sha256:ab12");
    assertThat(GroupId.of("g")).isEqualTo(GroupId.of("g"));
  }

  @Test
  void refuseBlankPaddedOrControlCharacters() {
    for (Function<String, Object> factory : FACTORIES) {
      assertThatThrownBy(() -> factory.apply(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not be blank");
      assertThatThrownBy(() -> factory.apply(" x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("white space");
      assertThatThrownBy(() -> factory.apply("a\nb"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("control characters");
    }
  }

  @Test
  @SuppressWarnings("NullAway") // passes a null on purpose
  void nameTheFieldThatIsWrong() {
    assertThatThrownBy(() -> TenantId.of("")).hasMessageStartingWith("tenantId");
    assertThatThrownBy(() -> StoreId.of("")).hasMessageStartingWith("storeId");
    assertThatThrownBy(() -> ContentId.of("win11", "")).hasMessageStartingWith("version");
    assertThatThrownBy(() -> ContentId.of("", "1")).hasMessageStartingWith("imageId");
    assertThatThrownBy(() -> new StoreRef(TenantId.of("a"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("store");
  }
}
