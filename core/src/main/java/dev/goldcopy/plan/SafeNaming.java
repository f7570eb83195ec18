package dev.goldcopy.plan;

import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.NameRules;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The default {@link NamingStrategy}. A clone is named after its VM id and a replica after its
 * group id and ordinal, padded to at least three digits ({@code win11-r007}, {@code
 * win11-r1234}), each checked the same way:
 *
 * <ol>
 *   <li>Refused outright: path separators ({@code /} and {@code \}), the names {@code .} and {@code
 *       ..} and a leading {@code .} or {@code -}, control characters, format characters (bidi
 *       overrides such as U+202E, zero-width joiners), and every space character, no-break spaces
 *       included. Mangling them could make two ids meet on one name, so the id is refused with
 *       its kind and value.
 *   <li>Normalised to Unicode NFC, so one name has one byte form on the array.
 *   <li>If the array's rules refuse the result, {@code -}, {@code .} are replaced by {@code _}
 *       (ONTAP allows no hyphen), and the id is refused if that is still not allowed. Names longer
 *       than the array's limit in bytes are refused, never cut.
 * </ol>
 *
 * <p>Names that differ only by case or Unicode compatibility form collide ({@link
 * #collisionKey(String)}); the planner refuses such a pair naming both.
 */
final class SafeNaming implements NamingStrategy {
  /** The characters of a plain lower-case name: printable ASCII but path separators and A to Z. */
  private static final boolean[] PLAIN_LOWER = plainLower();

  static final SafeNaming INSTANCE = new SafeNaming();

  private SafeNaming() {}

  @Override
  public String cloneName(VmId vm, NameRules rules) {
    String id = vm.value();
    if (isPlainPermissive(id, rules)) {
      return id;
    }
    return allowed("VM id", id, 0, refuseUnsafe("VM id", id), rules);
  }

  @Override
  public String replicaName(GroupId group, int ordinal, NameRules rules) {
    if (ordinal < 1) {
      throw new IllegalArgumentException("ordinal must be at least 1: " + ordinal);
    }
    String base = refuseUnsafe("group id", group.value());
    return allowed("group id", group.value(), ordinal, ReplicaNamer.defaultForm(base, ordinal),
        rules);
  }

  /**
   * {@code name} if the rules allow it, else with {@code -} and {@code .} as {@code _} if they do;
   * otherwise refuses naming the {@code kind} of id, the id and the replica's ordinal (0: none).
   */
  private static String allowed(String kind, String id, int ordinal, String name, NameRules rules) {
    if (isPlainPermissive(name, rules) || rules.allows(name)) {
      return name;
    }
    String replaced = name.replace('-', '_').replace('.', '_');
    if (!replaced.equals(name) && rules.allows(replaced)) {
      return replaced;
    }
    String why = rules.violation(replaced).orElse("not allowed");
    String what = kind + " '" + id + "'" + (ordinal > 0 ? " (replica " + ordinal + ")" : "");
    throw new IllegalArgumentException(what + " makes no name the array allows: " + why);
  }

  /** Refuses the characters no name may hold, and returns the id in NFC. */
  static String refuseUnsafe(String kind, String id) {
    if (id.equals(".") || id.equals("..") || id.startsWith(".") || id.startsWith("-")) {
      throw new IllegalArgumentException(kind + " '" + id + "' may not start with '.' or '-'");
    }
    if (isSafeAscii(id)) {
      return id; // the loop below passes every such character and keeps the id as it is
    }
    boolean ascii = true;
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '/' || cp == '\\') {
        throw new IllegalArgumentException(kind + " '" + id + "' holds a path separator");
      }
      if (cp < 0x80) {
        if (cp <= 0x20 || cp == 0x7f) {
          throw new IllegalArgumentException(kind + " " + escaped(id) + " holds a space or control character");
        }
        continue;
      }
      ascii = false;
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SPACE_SEPARATOR
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.SURROGATE) {
        throw new IllegalArgumentException(kind + " " + escaped(id)
            + " holds U+" + String.format(Locale.ROOT, "%04X", cp)
            + ", a control, format (bidi), space or unassigned character");
      }
    }
    return ascii ? id : Normalizer.normalize(id, Normalizer.Form.NFC);
  }

  /**
   * Whether {@code id} passes {@link #refuseUnsafe} unchanged and {@link NameRules#PERMISSIVE}
   * rules allow it, in one pass: not empty, not starting with {@code .} or {@code -}, printable
   * ASCII with no path separator (one UTF-8 byte a character, so its length is its size), within
   * the array's length. Such an id is its own name; any other takes the full checks.
   */
  private static boolean isPlainPermissive(String id, NameRules rules) {
    int n = id.length();
    if (n == 0 || n > rules.maxLengthBytes() || !NameRules.PERMISSIVE.equals(rules.allowed())) {
      return false;
    }
    char first = id.charAt(0);
    return first != '.' && first != '-' && isSafeAscii(id);
  }

  /**
   * Whether {@code id} is, as {@link #isPlainPermissive} says, its own name, and holds no upper-case
   * letter, so that its name is also its {@link #collisionKey}: one pass, for the common VM id.
   */
  static boolean isPlainLowerPermissive(String id, NameRules rules) {
    int n = id.length();
    if (n == 0 || n > rules.maxLengthBytes() || !NameRules.PERMISSIVE.equals(rules.allowed())) {
      return false;
    }
    char first = id.charAt(0);
    if (first == '.' || first == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c >= PLAIN_LOWER.length || !PLAIN_LOWER[c]) {
        return false;
      }
    }
    return true;
  }

  private static boolean[] plainLower() {
    boolean[] plain = new boolean[0x7f];
    for (char c = 0x21; c < 0x7f; c++) {
      plain[c] = c != '/' && c != '\\' && (c < 'A' || c > 'Z');
    }
    return plain;
  }

  /** Whether every character of {@code id} is printable ASCII other than a path separator. */
  private static boolean isSafeAscii(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '/' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Case-folded NFKC: names equal under this key are the same to a person or a careless array. */
  static String foldedKey(String name) {
    boolean ascii = true;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    String n = ascii ? name : Normalizer.normalize(name, Normalizer.Form.NFKC);
    return n.toLowerCase(Locale.ROOT);
  }

  private static String escaped(String id) {
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && !Character.isLetterOrDigit(cp))) {
        b.append(String.format(Locale.ROOT, "\\u%04X", cp));
      } else {
        b.appendCodePoint(cp);
      }
    }
    return b.append('\'').toString();
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return "NamingStrategy.safe()";
  }
}
