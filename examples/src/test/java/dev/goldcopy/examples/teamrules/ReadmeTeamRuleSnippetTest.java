package dev.goldcopy.examples.teamrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md shows EightClonesPerLunTest as it is, and it stays under 20 lines. */
class ReadmeTeamRuleSnippetTest {

  @Test
  void theReadmeShowsTheTeamRuleTestAsItIs() throws IOException {
    String here = Files.readString(
        Path.of("src/test/java/dev/goldcopy/examples/teamrules/EightClonesPerLunTest.java"),
        StandardCharsets.UTF_8);
    String snippet =
        here.substring(here.indexOf("// README:BEGIN\n") + 16, here.indexOf("// README:END"));
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(snippet.lines().count()).isLessThan(20);
    assertThat(readme).contains("```java\n" + snippet + "```");
  }
}
