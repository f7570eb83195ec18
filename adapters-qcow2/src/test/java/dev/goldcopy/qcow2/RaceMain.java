package dev.goldcopy.qcow2;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Races overlay creations from a process of its own against the test's process. Arguments: the
 * root, the source's id, the per-source limit, how many creations, and a name prefix. Writes
 * {@code ready} into the root when set up, starts when {@code go} appears, and prints how many
 * creations succeeded.
 */
final class RaceMain {
  private RaceMain() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    ContainerId source = ContainerId.of(args[1]);
    int limit = Integer.parseInt(args[2]);
    int calls = Integer.parseInt(args[3]);
    String prefix = args[4];
    try (Qcow2FileStoreAdapter adapter =
        TestStores.builder(root).imageTool(new FakeImageTool()).maxVirtualCopiesPerSource(limit)
            .build()) {
      TestStores.await(adapter.inventory(TestStores.ACME));
      Files.writeString(root.resolve("ready"), "");
      while (!Files.exists(root.resolve("go"))) {
        Thread.onSpinWait();
      }
      List<CompletableFuture<Container>> made = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        made.add(
            adapter
                .createVirtualCopy(TestStores.ACME, source, prefix + i, Labels.empty())
                .toCompletableFuture());
      }
      int succeeded = 0;
      for (CompletableFuture<Container> m : made) {
        try {
          m.join();
          succeeded++;
        } catch (RuntimeException e) {
          // refused at the limit
        }
      }
      System.out.println("made " + succeeded);
    }
  }
}
