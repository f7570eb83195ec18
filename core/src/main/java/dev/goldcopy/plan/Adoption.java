package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which containers Goldcopy did not make but may manage as its own: named on purpose by the caller,
 * never found by accident. The plan lists each adopted container with the reason. An adopted
 * container is treated as the policy's owner's: it may serve as a replica of its group, hold a VM,
 * and be retired or deleted like Goldcopy's own.
 *
 * <p>The array keeps no record of an adoption (labels are set only at creation), so the caller
 * states the same adoption on every plan until the containers are gone.
 */
public final class Adoption {
  private static final Adoption NONE = new Adoption("nothing", c -> false);

  private final String description;
  private final Predicate<Container> rule;

  private Adoption(String description, Predicate<Container> rule) {
    this.description = description;
    this.rule = rule;
  }

  /**
   * Adopts nothing: the default.
   *
   * @return the empty adoption
   */
  public static Adoption none() {
    return NONE;
  }

  /**
   * Adopts exactly these containers, by id.
   *
   * @param ids the containers' ids
   * @return the adoption
   */
  public static Adoption containers(Set<ContainerId> ids) {
    Set<ContainerId> copy = Set.copyOf(ids);
    return new Adoption("the containers " + copy, c -> copy.contains(c.id()));
  }

  /**
   * Adopts the unlabelled containers a rule accepts, for example the clones an earlier tool made
   * under the VMs' names.
   *
   * @param description what the rule adopts, for the plan
   * @param rule the rule; it sees only containers without Goldcopy's labels
   * @return the adoption
   */
  public static Adoption matching(String description, Predicate<Container> rule) {
    return new Adoption(requireNonNull(description, "description"), requireNonNull(rule, "rule"));
  }

  /**
   * Returns whether this adoption takes {@code container}.
   *
   * @param container a container without Goldcopy's labels
   * @return true if adopted
   */
  public boolean adopts(Container container) {
    return rule.test(container);
  }

  /**
   * Returns whether this adopts nothing.
   *
   * @return true for {@link #none()}
   */
  public boolean isNone() {
    return this == NONE;
  }

  @Override
  public String toString() {
    return "adopt " + description;
  }
}
