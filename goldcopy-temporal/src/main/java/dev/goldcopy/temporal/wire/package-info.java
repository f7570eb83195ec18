/**
 * The values that cross Temporal: workflow and activity arguments, results, signals and query
 * answers, as plain records that Temporal's default Jackson converter writes as JSON, and the
 * mappers between them and Goldcopy's own types.
 *
 * <p>These records are the wire format recorded in workflow histories. They hold strings, numbers,
 * enums and lists only, so that a history written by one version of Goldcopy reads back in the next
 * even if the core's records change shape. Never add a method named {@code getX} or {@code isX} to
 * one: Jackson would write it as a property and then refuse to read it back.
 */
@org.jspecify.annotations.NullMarked
package dev.goldcopy.temporal.wire;
