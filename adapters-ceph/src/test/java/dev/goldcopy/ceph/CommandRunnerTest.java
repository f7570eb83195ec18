package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.TransientArrayException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

  @TempDir Path temp;

  @Test
  void capturesExitCodeAndBothStreams() {
    CommandResult r =
        new CommandRunner(temp)
            .run(List.of("sh", "-c", "echo out; echo err >&2; exit 17"), Duration.ofMinutes(1));

    assertThat(r.exitCode()).isEqualTo(17);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void aCommandPastItsLimitIsKilled() {
    CommandRunner runner = new CommandRunner(temp);

    assertThatThrownBy(() -> runner.run(List.of("sleep", "600"), Duration.ofMillis(200)))
        .isInstanceOf(TransientArrayException.class)
        .hasMessageContaining("did not finish within");
  }

  @Test
  void aStartedCommandCanBeKilled() {
    CommandRunner.Running running = new CommandRunner(temp).start(List.of("sleep", "600"));

    running.kill();

    assertThat(running.isAlive()).isFalse();
  }

  @Test
  void aMissingProgramIsTransientAndNamed() {
    assertThatThrownBy(
            () -> new CommandRunner(temp).run(List.of("/no/such/rbd"), Duration.ofMinutes(1)))
        .isInstanceOf(TransientArrayException.class)
        .hasMessageStartingWith("cannot run /no/such/rbd");
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void cephArgsFromTheEnvironmentDoNotReachTheTools() {
    CommandResult r =
        new CommandRunner(temp)
            .run(List.of("sh", "-c", "echo \"[${CEPH_ARGS:-unset}]\""), Duration.ofMinutes(1));

    assertThat(r.stdout()).isEqualTo("[unset]\n");
  }
}
