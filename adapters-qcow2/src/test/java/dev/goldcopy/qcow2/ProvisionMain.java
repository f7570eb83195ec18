package dev.goldcopy.qcow2;

import dev.goldcopy.execute.ExecutionResult;
import java.nio.file.Path;

/**
 * Provisions a store in a process of its own, so the end-to-end test can kill it mid-run. Arguments:
 * the root directory and the number of VMs.
 */
final class ProvisionMain {
  private ProvisionMain() {}

  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    int vms = Integer.parseInt(args[1]);
    try (Qcow2FileStoreAdapter adapter = EndToEndSetup.adapter(root)) {
      ExecutionResult result =
          EndToEndSetup.executor(adapter).execute(EndToEndSetup.STORE, EndToEndSetup.demand(vms));
      System.out.println(result.outcome());
    }
  }
}
