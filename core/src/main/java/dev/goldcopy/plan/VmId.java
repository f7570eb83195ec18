package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

/**
 * Identifies a virtual machine that runs from a tenant store. A VM's virtual copy is named after
 * it, so its identifier must also be a valid container name on the array.
 *
 * @param value the identifier; not blank, no white space or control characters
 */
public record VmId(String value) implements Comparable<VmId> {
  /**
   * Checks the identifier.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or holds white space or control
   *     characters
   */
  public VmId {
    requireNonNull(value, "vmId");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("vmId must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "vmId must not contain white space or control characters: '" + value + "'");
      }
    }
  }

  /**
   * Returns the identifier for {@code value}.
   *
   * @param value the identifier
   * @return the identifier
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is malformed
   */
  public static VmId of(String value) {
    return new VmId(value);
  }

  @Override
  public int compareTo(VmId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
