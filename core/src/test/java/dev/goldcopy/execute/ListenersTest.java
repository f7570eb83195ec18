package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ContentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenersTest {
  private final VirtualLoop loop = new VirtualLoop();
  private final CreateClone step =
      new CreateClone(
          "clone-vm-1", "vm-1", VmId.of("vm-1"), "golden", ContentId.of("win11", "1"), List.of(), "r");

  @Test
  void aThrowingListenerDoesNotStarveTheNext() {
    List<ExecutionEvent> heard = new ArrayList<>();
    Listeners listeners =
        new Listeners(
            List.of(
                e -> {
                  throw new IllegalStateException("listener bug");
                },
                heard::add),
            loop.clock());

    listeners.stepStarted(step, 1);
    listeners.stepRetried(step, 2, Duration.ofSeconds(3), new BusyException("busy"));
    listeners.stepFailed(step, "why", null);
    listeners.stepFinished(step, null);

    assertThat(heard)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("StepStarted", "StepRetried", "StepFailed", "StepFinished");
    assertThat(heard).allMatch(e -> e.at().equals(loop.now()));
  }

  @Test
  void theRunsEndCarriesItsOwnInstant() {
    List<ExecutionEvent> heard = new ArrayList<>();
    Listeners listeners = new Listeners(List.of(heard::add), loop.clock());
    ExecutionTotals totals = new ExecutionTotals(0, 0, 0, 0, 0, 1, Duration.ZERO);

    listeners.runFinished(loop.now().plusSeconds(9), Outcome.SUCCEEDED, totals);

    assertThat(heard)
        .containsExactly(
            new ExecutionEvent.RunFinished(loop.now().plusSeconds(9), Outcome.SUCCEEDED, totals));
  }
}
