package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.DeleteContainer.Cause;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a plan on the wire: the fields of {@link CreateReplica}, {@link CreateClone} or
 * {@link DeleteContainer} in one flat record, the ones a kind does not use left null or zero.
 *
 * @param kind which kind of step
 * @param id the step's id, unique in its plan
 * @param name the container it makes or deletes
 * @param dependsOn the ids of the steps that must finish first
 * @param reason why the planner chose it
 * @param sourceName a replica's source or a clone's master, by name; null for a deletion
 * @param vm a clone's VM; null otherwise
 * @param group a replica's group; null otherwise
 * @param imageId the image a replica or clone holds; null for a deletion
 * @param version its version; null for a deletion
 * @param sizeBytes the bytes a replica copies; 0 otherwise
 * @param round a replica's copy round; 0 otherwise
 * @param containerId the container a deletion removes; null otherwise
 * @param cause why a deletion happens; null otherwise
 */
public record StepDto(
    Kind kind,
    String id,
    String name,
    List<String> dependsOn,
    String reason,
    @Nullable String sourceName,
    @Nullable String vm,
    @Nullable String group,
    @Nullable String imageId,
    @Nullable String version,
    long sizeBytes,
    int round,
    @Nullable String containerId,
    @Nullable Cause cause) {

  /** The kind of a step. */
  public enum Kind {
    /** A {@link CreateReplica}. */
    REPLICA,
    /** A {@link CreateClone}. */
    CLONE,
    /** A {@link DeleteContainer}. */
    DELETE
  }

  /**
   * Checks the common fields and takes an immutable copy of the dependencies.
   *
   * @throws NullPointerException if a common field is null
   */
  public StepDto {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(reason, "reason");
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * Writes a step.
   *
   * @param step the step
   * @return its wire form
   */
  public static StepDto of(PlanStep step) {
    if (step instanceof CreateReplica r) {
      return new StepDto(Kind.REPLICA, r.id(), r.name(), r.dependsOn(), r.reason(),
          r.sourceName(), null, r.group().value(), r.content().imageId(), r.content().version(),
          r.sizeBytes(), r.round(), null, null);
    }
    if (step instanceof CreateClone c) {
      return new StepDto(Kind.CLONE, c.id(), c.name(), c.dependsOn(), c.reason(),
          c.masterName(), c.vm().value(), null, c.content().imageId(), c.content().version(),
          0, 0, null, null);
    }
    DeleteContainer d = (DeleteContainer) step;
    return new StepDto(Kind.DELETE, d.id(), d.name(), d.dependsOn(), d.reason(),
        null, null, null, null, null, 0, 0, d.container().value(), d.cause());
  }

  /**
   * Reads the step back.
   *
   * @return the step
   * @throws NullPointerException if a field the kind needs is missing
   */
  public PlanStep toStep() {
    return switch (kind) {
      case REPLICA -> new CreateReplica(id, name, requireNonNull(sourceName, "sourceName"),
          GroupId.of(requireNonNull(group, "group")), content(), sizeBytes, round, dependsOn,
          reason);
      case CLONE -> new CreateClone(id, name, VmId.of(requireNonNull(vm, "vm")),
          requireNonNull(sourceName, "sourceName"), content(), dependsOn, reason);
      case DELETE -> new DeleteContainer(id,
          ContainerId.of(requireNonNull(containerId, "containerId")), name,
          requireNonNull(cause, "cause"), dependsOn, reason);
    };
  }

  private ContentId content() {
    return ContentId.of(requireNonNull(imageId, "imageId"), requireNonNull(version, "version"));
  }
}
