package dev.goldcopy.test;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;

/**
 * Golden-file checks: a text (a plan's {@code explain()}, say) must equal a file kept under the
 * module's {@code src/test/resources/golden/}. Run with {@code -Dgoldcopy.golden.update=true} to
 * write the files from the current texts instead, then review and commit the diff.
 *
 * <pre>{@code
 * GoldenFiles.assertMatches("md3200-100-vms.txt", plan.explain());
 * }</pre>
 *
 * Line ends are compared as {@code \n}, so a checkout with CRLF ends still matches.
 */
public final class GoldenFiles {
  /** The system property that rewrites golden files: {@code -Dgoldcopy.golden.update=true}. */
  public static final String UPDATE_PROPERTY = "goldcopy.golden.update";

  /** Where golden files live, relative to the module being tested. */
  public static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  /**
   * Checks that {@code actual} equals the golden file {@code name}, or writes it when updating.
   *
   * @param name the file's name under {@link #DIRECTORY}, such as {@code plan-100.txt}
   * @param actual the text now
   * @throws AssertionError if the file is missing or differs (naming the property that updates it)
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static void assertMatches(String name, String actual) {
    assertMatches(DIRECTORY.resolve(requireNonNull(name, "name")), actual);
  }

  /**
   * Checks that {@code actual} equals the file at {@code path}, or writes it when updating.
   *
   * @param path the golden file
   * @param actual the text now
   * @throws AssertionError if the file is missing or differs
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static void assertMatches(Path path, String actual) {
    requireNonNull(actual, "actual");
    String text = actual.replace("\r\n", "\n");
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(path)) {
        throw new AssertionError("golden file " + path.toAbsolutePath() + " is missing; run with -D"
            + UPDATE_PROPERTY + "=true to write it from the current text:\n" + text);
      }
      String expected = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
      Assertions.assertThat(text)
          .as("golden file %s (run with -D%s=true to update it)", path, UPDATE_PROPERTY)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
