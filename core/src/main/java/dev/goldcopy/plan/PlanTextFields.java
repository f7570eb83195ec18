package dev.goldcopy.plan;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The field encoding of {@link PlanText}: letters, digits and {@code . _ : / @ + = -} are written as
 * they are; every other byte of the UTF-8 form as {@code %XX} (upper-case hex); the empty string
 * and the empty list as a lone {@code %}; list items joined by commas.
 */
final class PlanTextFields {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PlanTextFields() {}

  static String encode(String value) {
    if (value.isEmpty()) {
      return "%";
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(UTF_8)) {
      int c = b & 0xff;
      if (plain(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  static String decode(String field) {
    if (field.equals("%")) {
      return "";
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '%') {
        if (i + 2 >= field.length()) {
          throw new IllegalArgumentException("a % escape is cut short in: " + field);
        }
        bytes.write(hex(field, i + 1) << 4 | hex(field, i + 2));
        i += 2;
      } else if (c < 128 && plain(c)) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("character '" + c + "' must be escaped in: " + field);
      }
    }
    return bytes.toString(UTF_8);
  }

  static String encodeList(List<String> values) {
    if (values.isEmpty()) {
      return "%";
    }
    StringBuilder out = new StringBuilder();
    for (String v : values) {
      if (out.length() > 0) {
        out.append(',');
      }
      if (v.isEmpty()) {
        throw new IllegalArgumentException("a list item must not be empty");
      }
      out.append(encode(v));
    }
    return out.toString();
  }

  static List<String> decodeList(String field) {
    List<String> out = new ArrayList<>();
    if (field.equals("%")) {
      return out;
    }
    for (String item : field.split(",", -1)) {
      out.add(decode(item));
    }
    return out;
  }

  private static int hex(String field, int at) {
    int d = Character.digit(field.charAt(at), 16);
    if (d < 0 || Character.isLowerCase(field.charAt(at))) {
      throw new IllegalArgumentException("not an upper-case hex digit at " + at + " in: " + field);
    }
    return d;
  }

  private static boolean plain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == ':'
        || c == '/'
        || c == '@'
        || c == '+'
        || c == '='
        || c == '-';
  }
}
