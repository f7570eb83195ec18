package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One replica group as it is planned: made by {@link GroupPlanner}, filled in by its stages in
 * order ({@link MasterSlots}, {@link Retirement}, {@link ReplicaBudget}, the naming and the
 * placement), then dropped.
 */
final class GroupScope {
  final ContentId content;
  final GroupId group;
  /** The group's id as the index keys it. */
  final String key;
  /** The group's ready and copying masters, sorted by name. */
  final List<Container> live;
  /** The demanded VMs that need a new clone, in demand order. */
  final List<VmId> toPlace;
  final GroupSizer.GroupTarget target;
  /** {@code live.size()}. */
  final int existing;
  /** {@code toPlace.size()}. */
  final long need;

  /** The masters that may take new clones: existing ones, then new replicas. */
  List<MasterSlot> slots = new ArrayList<>();
  /** New clones the masters take under their soft caps; saturates at the unbounded count. */
  long availSoft;
  /** New clones the masters take under their hard caps; saturates at the unbounded count. */
  long availHard;
  long newMasters;
  /** Why more masters than the target were added, or empty. */
  String extraNote = "";
  int retired;
  /** The limit that leaves VMs without a clone; null for the per-source limit. */
  Shortfall.@Nullable Limit bound;
  /** Which bounds cut the new replicas or clones, or empty. */
  String boundNote = "";
  /** How many of {@link #toPlace} get a clone. */
  long toMake;

  private GroupScope(ContentId content, String key, List<Container> live, List<VmId> toPlace,
      GroupSizer.GroupTarget target) {
    this.content = content;
    this.key = key;
    this.live = live;
    this.group = requireNonNull(live.get(0).group(), "group");
    this.toPlace = toPlace;
    this.target = target;
    this.existing = live.size();
    this.need = toPlace.size();
  }

  /** Opens the scope of {@code content}'s chosen group {@code key} and sizes it. */
  static GroupScope open(PlanScope run, ContentId content, String key) {
    List<Container> live = new ArrayList<>(run.index.live(key));
    DemandClassifier.ContentDemand demand = run.demand.byContent().get(content);
    List<VmId> toPlace = demand == null ? List.of() : demand.toPlace;
    int n = demand == null ? 0 : demand.vms;
    GroupSizer.GroupTarget target =
        GroupSizer.size(run.policy, run.caps, live, n, toPlace.size());
    return new GroupScope(content, key, live, toPlace, target);
  }
}
