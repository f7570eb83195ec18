package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.StepDto;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels a store workflow writes on every container it makes, and the rule that decides what
 * it may delete: only a container that carries Goldcopy's managed-by label and this control
 * plane's owner label. Unlabelled and foreign containers still count against every limit (the
 * planner sees them), but are never deleted: a plan step that would is left out and reported.
 */
public final class Ownership {
  /** Label key: which software manages the container; the value is {@value #MANAGED_BY}. */
  public static final String MANAGED_BY_KEY = "goldcopy.dev/managed-by";

  /** The value of {@link #MANAGED_BY_KEY}. */
  public static final String MANAGED_BY = "goldcopy";

  /** Label key: the owner id of the control plane that made it. */
  public static final String OWNER_KEY = "goldcopy.dev/owner";

  /** Label key: the workflow that made it. */
  public static final String WORKFLOW_KEY = "goldcopy.dev/workflow";

  /** Label key: the VM a virtual copy serves. */
  public static final String VM_KEY = "goldcopy.dev/vm";

  /** Label key: the replica group of a master. */
  public static final String GROUP_KEY = "goldcopy.dev/group";

  /** Label key: the content, {@code image@version}. */
  public static final String CONTENT_KEY = "goldcopy.dev/content";

  private Ownership() {}

  /**
   * Returns whether a control plane with {@code owner} may delete {@code container}.
   *
   * @param container a container of the store
   * @param owner the control plane's owner id
   * @return true if the container carries both ownership labels
   */
  public static boolean owns(ContainerDto container, String owner) {
    Map<String, String> labels = container.labels();
    return MANAGED_BY.equals(labels.get(MANAGED_BY_KEY)) && owner.equals(labels.get(OWNER_KEY));
  }

  /**
   * Returns the labels of the container a create step makes.
   *
   * @param step a replica or clone step
   * @param owner the owner id
   * @param workflowId the workflow that makes it
   * @return the labels
   */
  static Map<String, String> labelsFor(StepDto step, String owner, String workflowId) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(MANAGED_BY_KEY, MANAGED_BY);
    labels.put(OWNER_KEY, owner);
    labels.put(WORKFLOW_KEY, workflowId);
    labels.put(CONTENT_KEY, step.imageId() + "@" + step.version());
    String vm = step.vm();
    if (vm != null) {
      labels.put(VM_KEY, vm);
    }
    String group = step.group();
    if (group != null) {
      labels.put(GROUP_KEY, group);
    }
    return labels;
  }
}
