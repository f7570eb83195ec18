package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** The rules every label key and value must follow, checked without allocating. */
final class LabelRules {

  private LabelRules() {}

  /** Checks a key: 1 to 63 characters of {@code [a-z0-9./_-]}, starting with a letter or digit. */
  static String checkKey(@Nullable String key) {
    requireNonNull(key, "label key");
    int n = key.length();
    boolean ok = n >= 1 && n <= Labels.MAX_KEY_LENGTH && isLetterOrDigit(key.charAt(0));
    for (int i = 1; ok && i < n; i++) {
      char c = key.charAt(i);
      ok = isLetterOrDigit(c) || c == '.' || c == '/' || c == '_' || c == '-';
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "label key '" + key + "': 1 to " + Labels.MAX_KEY_LENGTH
              + " characters of [a-z0-9./_-], starting with a letter or digit");
    }
    return key;
  }

  /** Checks a value: at most 255 bytes in UTF-8, no control characters. */
  static String checkValue(String key, @Nullable String value) {
    requireNonNull(value, () -> "label value of " + key);
    int n = value.length();
    long bytes = utf8Length(value);
    if (bytes > Labels.MAX_VALUE_BYTES) {
      throw new IllegalArgumentException(
          "label value of '" + key + "': longer than " + Labels.MAX_VALUE_BYTES + " UTF-8 bytes");
    }
    for (int i = 0; i < n; i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            "label value of '" + key + "': must not contain control characters");
      }
    }
    return value;
  }

  /** The length of {@code s} in UTF-8, as {@link String#getBytes} encodes it, without encoding it. */
  static long utf8Length(String s) {
    int n = s.length();
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes++; // a lone surrogate is encoded as '?'
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
