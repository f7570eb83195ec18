package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Name rules count bytes as the array does and say which rule a name breaks. */
class NameRulesTest {

  @Test
  void permissiveRulesRefuseSeparatorsControlsAndLeadingDots() {
    NameRules rules = NameRules.permissive(255);

    assertThat(rules.allows("vm-00001")).isTrue();
    assertThat(rules.allows("win 11 golden")).isTrue();
    assertThat(rules.allows("../../etc")).isFalse();
    assertThat(rules.allows("a/b")).isFalse();
    assertThat(rules.allows(".hidden")).isFalse();
    assertThat(rules.allows("tab\there")).isFalse();
    assertThat(rules.allows(" padded")).isFalse();
  }

  @Test
  void lengthIsCountedInUtf8Bytes() {
    NameRules rules = NameRules.permissive(8);

    assertThat(rules.allows("abcdefgh")).isTrue();
    assertThat(rules.allows("ééééé")).as("5 characters, 10 bytes").isFalse();
    assertThat(rules.violation("ééééé")).get().asString().contains("10 bytes");
  }

  @Test
  void ontapStyleRulesAllowNoHyphenAndIgnoreCase() {
    NameRules ontap = new NameRules(203, "[A-Za-z_][A-Za-z0-9_]*", false);

    assertThat(ontap.allows("vm_00001")).isTrue();
    assertThat(ontap.allows("vm-00001")).isFalse();
    assertThat(ontap.identityKey("VM_1")).isEqualTo(ontap.identityKey("vm_1"));
    assertThatThrownBy(() -> ontap.check("replica name", "gc-r-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("replica name: 'gc-r-1' has characters the array does not allow");
  }

  @Test
  void refusesBadRules() {
    assertThatThrownBy(() -> NameRules.permissive(0)).hasMessageStartingWith("maxLengthBytes");
    assertThatThrownBy(() -> new NameRules(10, "[", true)).hasMessageStartingWith("allowed");
  }

  @Test
  void permissiveCheckAgreesWithItsExpression() {
    Pattern expression = Pattern.compile(NameRules.PERMISSIVE);
    char[] alphabet = {
      'a', 'Z', '0', '-', '_', '.', '/', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0000',
      '\u001F', '\u007F', '\u0085', '\u00A0', '\u2028', 'é', '\uD83D', '\uDE00'
    };
    SplittableRandom random = new SplittableRandom(20261130);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(6);
      for (int j = 0; j < length; j++) {
        name.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String n = name.toString();
      assertThat(NameRules.permissiveAllows(n))
          .as("'%s'", n)
          .isEqualTo(expression.matcher(n).matches());
    }
  }

  @Test
  void countsUtf8BytesAsTheEncoderDoes() {
    String[] samples = {"", "abc", "é", "€", "\uD83D\uDE00", "\uD83D", "\uDE00x", "a\uD83Db"};
    for (String sample : samples) {
      assertThat(LabelRules.utf8Length(sample))
          .as(sample)
          .isEqualTo(sample.getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
