package dev.goldcopy.plan;

import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the store-wide stages of a plan, so a test can drive one group's stages by hand. */
final class StageFixture {
  final PlanningPolicy policy;
  final PlanningInput input;
  final InventoryIndex index;
  final List<Finding> findings = new ArrayList<>();
  final Map<ContentId, String> chosenGroup;
  final DemandClassifier.Result demand;
  final DeletionPlanner.Deletions deletions;
  final PlanScope run;

  StageFixture(PlanningPolicy policy, PlanningInput input) {
    this.policy = policy;
    this.input = input;
    this.index = InventoryIndex.of(input);
    this.chosenGroup = GroupChoice.choose(index, findings);
    this.demand = DemandClassifier.classify(input, index, chosenGroup, findings);
    this.deletions = DeletionPlanner.plan(index, demand, findings, input.capabilities());
    this.run = new PlanScope(policy, input.capabilities(), index, demand, deletions, findings);
  }

  static StageFixture of(StoreModel store, Demand demand) {
    return new StageFixture(PlanningPolicy.defaults(), store.input(demand));
  }

  static StageFixture of(PlanningPolicy policy, StoreModel store, Demand demand) {
    return new StageFixture(policy, store.input(demand));
  }

  /** Opens the scope of {@code content}'s chosen group, sized. */
  GroupScope group(ContentId content) {
    return GroupScope.open(run, content, java.util.Objects.requireNonNull(chosenGroup.get(content)));
  }
}
