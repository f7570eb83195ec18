package dev.goldcopy.spi.kit;

import static dev.goldcopy.spi.kit.KitSession.checkEqual;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Labels are set at creation, listed unchanged, kept by the array, and first ones win. */
abstract class LabelChecks extends CreationChecks {
  /** Labels as Goldcopy writes them, with a value outside ASCII. */
  static final Labels LABELS =
      Labels.of(
          "goldcopy.dev/managed-by", "goldcopy",
          "goldcopy.dev/owner", "conformance-kit",
          "goldcopy.dev/group", "conformance-group",
          "note", "pool é, 40 GiB");

  LabelChecks() {}

  @Test
  @DisplayName("Labels: labels are stored at creation and listed unchanged")
  void labelsAreStoredAtCreationAndListed() {
    Container origin = kit().origin(kit().name("o"));

    Container replica = kit().physicalCopy(origin.id(), kit().name("r"), LABELS);
    Container clone = kit().virtualCopy(replica.id(), kit().name("v"), LABELS.with("goldcopy.dev/vm", "vm-1"));

    checkEqual(Rule.LABELS, "createPhysicalCopy(..., labels): the returned container", LABELS, replica.labels());
    checkEqual(Rule.LABELS, "createVirtualCopy(..., labels): the returned container",
        LABELS.with("goldcopy.dev/vm", "vm-1"), clone.labels());
    Inventory inventory = kit().inventory();
    checkEqual(Rule.LABELS, "inventory(): labels of " + replica.name(), LABELS,
        inventory.find(replica.id()).map(Container::labels).orElse(null));
    checkEqual(Rule.LABELS, "inventory(): labels of " + clone.name(), LABELS.with("goldcopy.dev/vm", "vm-1"),
        inventory.find(clone.id()).map(Container::labels).orElse(null));
  }

  @Test
  @DisplayName("Labels: a repeated create keeps the first labels and is no conflict")
  void aRepeatedCreateKeepsTheFirstLabels() {
    Container origin = kit().origin(kit().name("o"));
    String name = kit().name("v");
    Container first = kit().virtualCopy(origin.id(), name, LABELS);

    Container again = kit().succeed(Rule.LABELS_FIRST_WINS,
        "createVirtualCopy(" + origin.id() + ", " + name + ") again with other labels",
        () -> kit().adapter().createVirtualCopy(kit().store(), origin.id(), name, Labels.of("other", "x")));

    checkEqual(Rule.LABELS_FIRST_WINS, "the repeated create: id", first.id(), again.id());
    checkEqual(Rule.LABELS_FIRST_WINS, "the repeated create: labels", LABELS, again.labels());
  }

  @Test
  @DisplayName("Labels: containers and labels survive a restart of the adapter")
  void labelsSurviveARestart() {
    Container origin = kit().origin(kit().name("o"));
    Container replica = kit().physicalCopy(origin.id(), kit().name("r"), LABELS);
    Container clone = kit().virtualCopy(replica.id(), kit().name("v"), LABELS);
    ArrayAdapter restarted = kit().fixture().restartedAdapter();
    assumeTrue(restarted != null, "the fixture offers a restarted adapter");

    Inventory after = kit().await(restarted.inventory(kit().store()));

    for (Container c : new Container[] {replica, clone}) {
      Container listed = after.find(c.id()).orElse(null);
      checkEqual(Rule.LABELS_DURABLE, "the restarted adapter's inventory(): " + c.name(), c, listed);
    }
  }
}
