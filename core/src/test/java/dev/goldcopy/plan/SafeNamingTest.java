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

  /**
   * The one-pass check of a plain lower-case id says yes exactly when the full naming keeps the id
   * as it is and the name has no upper-case letter, on ids of every printable ASCII character and
   * a few others, within and over the length limit.
   */
  @Test
  void theOnePassCheckAgreesWithTheFullNaming() {
    java.util.Random random = new java.util.Random(23);
    NameRules shortRules = NameRules.permissive(6);
    int plain = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder id = new StringBuilder();
      int length = 1 + random.nextInt(8);
      for (int c = 0; c < length; c++) {
        int pick = random.nextInt(100);
        id.append(pick < 70 ? (char) ('a' + random.nextInt(26))
            : pick < 97 ? (char) (0x21 + random.nextInt(0x7f - 0x21))
            : "\u00e9\u00c9\u212a".charAt(random.nextInt(3)));
      }
      String value = id.toString();
      for (NameRules rules : java.util.List.of(PERMISSIVE, shortRules, ONTAP)) {
        boolean expected;
        try {
          String name = naming.cloneName(VmId.of(value), rules);
          expected = name.equals(value) && value.chars().allMatch(c -> c < 0x80)
              && value.chars().noneMatch(c -> c >= 'A' && c <= 'Z');
        } catch (IllegalArgumentException refused) {
          expected = false;
        }
        boolean onePass = SafeNaming.isPlainLowerPermissive(value, rules);
        if (onePass) {
          plain++;
        }
        if (rules != ONTAP) {
          assertThat(onePass).as("%s under %s", value, rules).isEqualTo(expected);
        } else {
          assertThat(onePass).as("never for other rules: %s", value).isFalse();
        }
      }
    }
    assertThat(plain).as("the check says yes often enough to be tested").isGreaterThan(1000);
  }
}
