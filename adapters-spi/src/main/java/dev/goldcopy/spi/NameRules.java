package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules an array puts on container names: the longest name in bytes as the array counts them
 * (UTF-8), which characters it allows, and whether it tells names apart by case. ONTAP, for example,
 * allows letters, digits and underscores only; a file store forbids path separators.
 *
 * <p>A name that breaks the rules is refused by the adapter at once with {@link
 * IllegalArgumentException}, before anything touches the array. Callers check names with {@link
 * #violation(String)} beforehand to report them in their own terms.
 *
 * @param maxLengthBytes the longest name, in UTF-8 bytes
 * @param allowed a regular expression every name must match in full, e.g. {@code
 *     [A-Za-z0-9_]+}
 * @param caseSensitive whether {@code VM-1} and {@code vm-1} are different names on the array
 */
public record NameRules(int maxLengthBytes, String allowed, boolean caseSensitive) {

  /**
   * What most arrays accept: any characters but control characters and {@code /}, not starting
   * with {@code .}, and no surrounding white space.
   */
  public static final String PERMISSIVE = "[^/\\p{Cntrl}.\\s][^/\\p{Cntrl}]*(?<!\\s)";

  /** Each expression compiled once: names are checked once per create, millions of times a run. */
  private static final ConcurrentMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field if the length is not positive or the
   *     expression does not compile
   */
  public NameRules {
    if (maxLengthBytes < 1) {
      throw new IllegalArgumentException("maxLengthBytes must be positive: " + maxLengthBytes);
    }
    requireNonNull(allowed, "allowed");
    try {
      COMPILED.computeIfAbsent(allowed, Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("allowed is not a regular expression: " + allowed, e);
    }
  }

  /**
   * Returns case-sensitive permissive rules ({@link #PERMISSIVE}) with a length limit.
   *
   * @param maxLengthBytes the longest name, in UTF-8 bytes
   * @return the rules
   */
  public static NameRules permissive(int maxLengthBytes) {
    return new NameRules(maxLengthBytes, PERMISSIVE, true);
  }

  /**
   * Returns whether {@code name} follows the rules.
   *
   * @param name a candidate name
   * @return true if the array accepts it
   */
  public boolean allows(String name) {
    return violation(name).isEmpty();
  }

  /**
   * Says why {@code name} breaks the rules.
   *
   * @param name a candidate name
   * @return the broken rule, or empty if the name is allowed
   */
  public Optional<String> violation(String name) {
    requireNonNull(name, "name");
    long bytes = LabelRules.utf8Length(name);
    if (bytes > maxLengthBytes) {
      return Optional.of(
          "'" + name + "' is " + bytes + " bytes in UTF-8, more than the array's "
              + maxLengthBytes);
    }
    boolean matches =
        allowed.equals(PERMISSIVE)
            ? permissiveAllows(name)
            : COMPILED.computeIfAbsent(allowed, Pattern::compile).matcher(name).matches();
    if (!matches) {
      return Optional.of("'" + name + "' has characters the array does not allow (" + allowed + ")");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code name} matches {@link #PERMISSIVE} in full, checked character by character
   * (names are checked millions of times a run): not empty; no {@code /} and no control character
   * ({@code \p{Cntrl}}: U+0000 to U+001F and U+007F); not starting with {@code .} or white space;
   * not ending with white space ({@code \s}: space, tab, line feed, U+000B, form feed, carriage
   * return).
   */
  static boolean permissiveAllows(String name) {
    int n = name.length();
    if (n == 0) {
      return false;
    }
    char first = name.charAt(0);
    if (first == '.' || isSpace(first) || isSlashOrControl(first) || isSpace(name.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (isSlashOrControl(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSlashOrControl(char c) {
    return c == '/' || c < 0x20 || c == 0x7F;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * Refuses a name that breaks the rules.
   *
   * @param field what the name is, for the message
   * @param name the name
   * @return {@code name}
   * @throws IllegalArgumentException naming {@code field} and the broken rule
   */
  public String check(String field, String name) {
    Optional<String> broken = violation(name);
    if (broken.isPresent()) {
      throw new IllegalArgumentException(field + ": " + broken.get());
    }
    return name;
  }

  /**
   * Returns the key under which the array tells names apart: the name itself, or its lower case if
   * the array ignores case.
   *
   * @param name a name
   * @return the comparison key
   */
  public String identityKey(String name) {
    return caseSensitive ? name : name.toLowerCase(java.util.Locale.ROOT);
  }
}
