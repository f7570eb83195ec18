package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.List;

/**
 * Physically copy a master of a replica group into a new master of the same group.
 *
 * @param id the step's identifier
 * @param name the new master's deterministic name
 * @param sourceName the name of the master to copy from: an existing master, or one made by a step
 *     in {@link #dependsOn()}
 * @param group the replica group the copy joins
 * @param content the content it holds
 * @param sizeBytes the bytes the copy moves and the capacity it takes
 * @param round the copy round in the fan-out schedule, from 1: round r copies from masters that
 *     exist after round r - 1
 * @param dependsOn the steps that must finish first (the step making the source, if planned)
 * @param reason why this replica is needed
 */
public record CreateReplica(
    String id,
    String name,
    String sourceName,
    GroupId group,
    ContentId content,
    long sizeBytes,
    int round,
    List<String> dependsOn,
    String reason)
    implements PlanStep {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the size is negative or the round is not positive
   */
  public CreateReplica {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(sourceName, "sourceName");
    requireNonNull(group, "group");
    requireNonNull(content, "content");
    requireNonNull(reason, "reason");
    dependsOn = List.copyOf(dependsOn);
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
    }
    if (round < 1) {
      throw new IllegalArgumentException("round must be positive: " + round);
    }
  }
}
