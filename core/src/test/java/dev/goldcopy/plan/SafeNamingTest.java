package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.NameRules;
import org.junit.jupiter.api.Test;

/** The default naming refuses what it cannot make safe and says which id is wrong. */
class SafeNamingTest {
  private static final NameRules PERMISSIVE = NameRules.permissive(255);
  private static final NameRules ONTAP = new NameRules(64, "[A-Za-z_][A-Za-z0-9_]*", false);
  private final NamingStrategy naming = NamingStrategy.safe();

  @Test
  void plainIdsAreTheirOwnNames() {
    assertThat(naming.cloneName(VmId.of("vm-00001"), PERMISSIVE)).isEqualTo("vm-00001");
    assertThat(naming.replicaName(GroupId.of("win11"), 7, PERMISSIVE)).isEqualTo("win11-r007");
  }

  @Test
  void hyphensBecomeUnderscoresWhereTheArrayAllowsNoHyphen() {
    assertThat(naming.cloneName(VmId.of("vm-00001"), ONTAP)).isEqualTo("vm_00001");
    assertThat(naming.replicaName(GroupId.of("win11"), 2, ONTAP)).isEqualTo("win11_r002");
  }

  @Test
  void pathsControlsBidiAndSpacesAreRefusedNamingTheKindOfId() {
    assertThatThrownBy(() -> naming.cloneName(VmId.of("../../etc"), PERMISSIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("VM id '../../etc'");
    assertThatThrownBy(() -> naming.cloneName(VmId.of("vm\u202Eexe.txt"), PERMISSIVE))
        .hasMessageContaining("U+202E");
    assertThatThrownBy(() -> naming.cloneName(VmId.of("vm\u00A01"), PERMISSIVE))
        .hasMessageContaining("U+00A0");
    assertThatThrownBy(() -> naming.cloneName(VmId.of("vm\u200D1"), PERMISSIVE))
        .hasMessageContaining("U+200D");
    assertThatThrownBy(() -> naming.replicaName(GroupId.of("a/b"), 1, PERMISSIVE))
        .hasMessageStartingWith("group id 'a/b'");
    assertThatThrownBy(() -> naming.cloneName(VmId.of("-rf"), PERMISSIVE))
        .hasMessageContaining("may not start");
  }

  @Test
  void unicodeIsNormalisedToOneFormAndCollisionsIgnoreCaseAndForm() {
    String decomposed = "re\u0301union"; // e + combining acute
    String composed = "r\u00e9union";

    assertThat(naming.cloneName(VmId.of(decomposed), PERMISSIVE)).isEqualTo(composed);
    assertThat(naming.collisionKey("VM-1")).isEqualTo(naming.collisionKey("vm-1"));
    assertThat(naming.collisionKey("\uFF56m1")).as("fullwidth v").isEqualTo(naming.collisionKey("vm1"));
  }

  @Test
  void namesTooLongForTheArrayAreRefusedNotCut() {
    assertThatThrownBy(() -> naming.cloneName(VmId.of("v".repeat(65)), ONTAP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65 bytes");
  }

  @Test
  void plainAsciiIdsMeetThePermissiveLimitsAsAnyOtherId() {
    NameRules short8 = NameRules.permissive(8);
    assertThat(naming.cloneName(VmId.of("vm-00001"), short8)).isEqualTo("vm-00001");
    assertThatThrownBy(() -> naming.cloneName(VmId.of("vm-000001"), short8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9 bytes");
    assertThatThrownBy(() -> naming.cloneName(VmId.of("vm\\1"), PERMISSIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path separator");
    assertThatThrownBy(() -> naming.cloneName(VmId.of(".vm1"), PERMISSIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("may not start");
  }
}
