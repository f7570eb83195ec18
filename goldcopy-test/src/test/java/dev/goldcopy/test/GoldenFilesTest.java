package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;
import static dev.goldcopy.test.GoldcopyAssertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden files match line ends loosely and fail naming the switch that updates them. */
class GoldenFilesTest {

  @Test
  void aMatchingFilePassesWhateverItsLineEnds(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.txt");
    Files.writeString(file, "a\r\nb\r\n");

    GoldenFiles.assertMatches(file, "a\nb\n");

    assertThat(Files.readString(file)).isEqualTo("a\r\nb\r\n");
  }

  @Test
  void aDifferentOrMissingFileFailsNamingTheUpdateSwitch(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.txt");
    assertThatThrownBy(() -> GoldenFiles.assertMatches(file, "a\n"))
        .hasMessageContaining("-Dgoldcopy.golden.update=true");
    Files.writeString(file, "a\n");
    assertThatThrownBy(() -> GoldenFiles.assertMatches(file, "b\n"))
        .hasMessageContaining("goldcopy.golden.update");
  }
}
