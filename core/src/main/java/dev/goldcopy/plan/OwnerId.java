package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Who, among the control planes and teams that share a store, manages a container: written on
 * every container Goldcopy makes (label {@link Ownership#OWNER}) and compared before anything is
 * retired or deleted. Two Goldcopy users with different owner ids in one store never touch each
 * other's containers.
 *
 * @param value 1 to 63 characters of letters, digits, {@code . _ -}, starting with a letter or digit
 */
public record OwnerId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** The owner id used when the policy names none. */
  public static final OwnerId DEFAULT = new OwnerId("default");

  /**
   * Checks the value.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is not of the form above
   */
  public OwnerId {
    requireNonNull(value, "ownerId");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "ownerId '" + value + "': 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  /**
   * Returns the owner id {@code value}.
   *
   * @param value the id
   * @return the owner id
   * @throws IllegalArgumentException if it is malformed
   */
  public static OwnerId of(String value) {
    return new OwnerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
