package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbdErrorsTest {

  @Test
  void nameClashIsAConflict() {
    ArrayException e =
        RbdErrors.toException(Recorded.failed(17, "err-17-create.txt"), "creating gold");

    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo("creating gold: rbd: create error: (17) File exists (exit 17)");
  }

  @Test
  void missingImageOrSnapshotIsNotFound() {
    for (String file :
        List.of("err-2-info.txt", "err-2-rm.txt", "err-2-clone.txt", "err-2-ls-namespace.txt")) {
      ArrayException e = RbdErrors.toException(Recorded.failed(2, file), "x");
      assertThat(e).as(file).isInstanceOf(ContainerNotFoundException.class);
    }
  }

  @Test
  void cloneFailureKeepsTheToolsWordsAndDropsLibrbdLogLines() {
    ArrayException e = RbdErrors.toException(Recorded.failed(2, "err-2-clone.txt"), "cloning");

    assertThat(e.getMessage())
        .isEqualTo("cloning: rbd: clone error: (2) No such file or directory (exit 2)");
  }

  @Test
  void imageWithSnapshotsOrLinkedClonesIsAConflict() {
    assertThat(RbdErrors.toException(Recorded.failed(39, "err-39-rm.txt"), "rm"))
        .isInstanceOf(ConflictException.class);
    ArrayException linked =
        RbdErrors.toException(Recorded.failed(39, "err-39-rm-linked.txt"), "rm");
    assertThat(linked).isInstanceOf(ConflictException.class);
    assertThat(linked.getMessage()).contains("image has snapshots with linked clones");
  }

  @Test
  void protectedSnapshotIsAConflictButWatchersAreBusy() {
    assertThat(RbdErrors.toException(Recorded.failed(16, "err-16-snap-rm-protected.txt"), "x"))
        .isInstanceOf(ConflictException.class);
    ArrayException watchers =
        RbdErrors.toException(failed(16, "rbd: error: image still has watchers"), "rm");
    assertThat(watchers).isInstanceOf(BusyException.class);
    assertThat(watchers.retryable()).isTrue();
  }

  @Test
  void permissionAndSpaceErrorsMapToTheirExceptions() {
    assertThat(RbdErrors.toException(failed(1, "rbd: (1) Operation not permitted"), "x"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(RbdErrors.toException(failed(13, "rbd: (13) Permission denied"), "x"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(RbdErrors.toException(failed(28, "rbd: (28) No space left on device"), "x"))
        .isInstanceOf(InsufficientCapacityException.class);
    assertThat(RbdErrors.toException(failed(122, "rbd: (122) Disk quota exceeded"), "x"))
        .isInstanceOf(InsufficientCapacityException.class);
  }

  @Test
  void usageErrorsAndUnknownCodesAreTransient() {
    assertThat(RbdErrors.toException(failed(1, "rbd: unrecognised option '-x'"), "x"))
        .isInstanceOf(TransientArrayException.class);
    assertThat(RbdErrors.toException(failed(110, "rbd: (110) Connection timed out"), "x"))
        .isInstanceOf(TransientArrayException.class);
  }

  @Test
  void flattenOfAnImageWithoutParentKeepsTheReasonFromTheEmbeddedLogLine() {
    String summary = RbdErrors.summary(Recorded.read("err-22-flatten.txt"));

    assertThat(summary)
        .isEqualTo("rbd: flatten error: image has no parent; (22) Invalid argument");
  }

  @Test
  void emptyStandardErrorSaysSo() {
    assertThat(RbdErrors.summary("\n\n")).isEqualTo("no message");
  }

  private static CommandResult failed(int code, String stderr) {
    return new CommandResult(List.of("rbd"), code, "", stderr, Duration.ZERO);
  }
}
