package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import org.jspecify.annotations.Nullable;

/**
 * One fact about a store that a plan was made on: whether a container of a given name is there,
 * and if so what it is and how many virtual copies it serves. An approved plan carries the facts
 * about every name its steps touch; applying it checks them first.
 *
 * @param name the container's name
 * @param present whether the store holds a container of that name
 * @param kind its kind; null when absent
 * @param state its state; null when absent
 * @param sourceName the name of what it was copied from; null for an origin, an absent container
 *     or a source the store does not list
 * @param content its image and version as {@code image@version}; null when absent
 * @param clones how many virtual copies have it as their source
 */
public record FactDto(
    String name,
    boolean present,
    @Nullable ContainerKind kind,
    @Nullable ContainerState state,
    @Nullable String sourceName,
    @Nullable String content,
    int clones) {

  /**
   * Checks the name.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public FactDto {
    requireNonNull(name, "name");
  }

  /**
   * Returns the fact that no container of {@code name} is there.
   *
   * @param name the name
   * @return the fact
   */
  public static FactDto absent(String name) {
    return new FactDto(name, false, null, null, null, null, 0);
  }

  /**
   * Returns this fact with another clone count.
   *
   * @param count the count
   * @return the fact
   */
  public FactDto withClones(int count) {
    return new FactDto(name, present, kind, state, sourceName, content, count);
  }

  /**
   * Says how {@code actual} differs from this expected fact, in words.
   *
   * @param actual the fact observed now
   * @return the difference, or the empty string if they agree
   */
  public String differenceFrom(FactDto actual) {
    if (present != actual.present) {
      return present
          ? name + " is gone (the plan expected " + describe() + ")"
          : name + " appeared (" + actual.describe() + "); the plan expected no container of that name";
    }
    if (!present) {
      return "";
    }
    if (kind != actual.kind || state != actual.state
        || !java.util.Objects.equals(sourceName, actual.sourceName)
        || !java.util.Objects.equals(content, actual.content)) {
      return name + " is now " + actual.describe() + "; the plan expected " + describe();
    }
    if (clones != actual.clones) {
      return name + " serves " + actual.clones + " virtual copies; the plan expected " + clones;
    }
    return "";
  }

  private String describe() {
    if (!present) {
      return "nothing";
    }
    return state + " " + kind + " of " + content
        + (sourceName == null ? "" : " from " + sourceName) + " with " + clones + " clone(s)";
  }
}
