package dev.goldcopy.temporal.wire;

import org.jspecify.annotations.Nullable;

/**
 * What a step activity hands back.
 *
 * @param container the container made or found; null for a deletion, and for a physical copy
 *     still in progress
 * @param copying true if a physical copy is still in progress after the activity's hold
 * @param attempt Temporal's attempt number of the activity that answered, from 1
 */
public record StepDone(@Nullable ContainerDto container, boolean copying, int attempt) {}
