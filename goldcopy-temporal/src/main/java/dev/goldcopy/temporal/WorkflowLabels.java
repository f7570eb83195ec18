package dev.goldcopy.temporal;

import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.StepDto;
import java.util.Map;
import java.util.Objects;

/**
 * The labels a store workflow writes on every container it makes: Goldcopy's ownership labels
 * ({@link Ownership}: managed-by, owner, role, group or VM, content, source, persistent), the same
 * as any Goldcopy control plane writes, plus {@value #WORKFLOW_KEY}, the workflow that made it. And
 * the rule that decides what a workflow may delete: only a container of its own owner id. Foreign
 * and other owners' containers still count against every limit (the planner sees them), but a
 * plan step that would delete one is left out and reported.
 */
public final class WorkflowLabels {
  /** Label key: the id of the workflow that made the container. */
  public static final String WORKFLOW_KEY = "goldcopy.dev/workflow";

  private WorkflowLabels() {}

  /**
   * Returns whether a control plane of {@code owner} may delete {@code container}.
   *
   * @param container a container of the store
   * @param owner the control plane's owner id
   * @return true if Goldcopy made it for that owner
   */
  public static boolean owns(ContainerDto container, OwnerId owner) {
    Map<String, String> labels = container.labels();
    return Ownership.GOLDCOPY.equals(labels.get(Ownership.MANAGED_BY))
        && owner.value().equals(labels.get(Ownership.OWNER));
  }

  /**
   * Returns the labels of the container a create step makes.
   *
   * @param step a replica or clone step
   * @param owner the owner id
   * @param persistent for a clone: whether it holds a persistent VM's disk
   * @param workflowId the workflow that makes it
   * @return the labels
   */
  static Map<String, String> of(StepDto step, OwnerId owner, boolean persistent,
      String workflowId) {
    ContentId content = ContentId.of(Objects.requireNonNull(step.imageId(), "imageId"),
        Objects.requireNonNull(step.version(), "version"));
    String source = Objects.requireNonNull(step.sourceName(), "sourceName");
    String vm = step.vm();
    Labels labels = vm != null
        ? Ownership.clone(owner, VmId.of(vm), content, source, persistent)
        : Ownership.replica(owner, GroupId.of(Objects.requireNonNull(step.group(), "group")),
            content, source);
    return labels.with(WORKFLOW_KEY, workflowId).asMap();
  }
}
