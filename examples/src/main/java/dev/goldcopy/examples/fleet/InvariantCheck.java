package dev.goldcopy.examples.fleet;

import static java.util.Objects.requireNonNull;

/**
 * One of the invariants of docs/design.md, checked after a run.
 *
 * @param name what was checked
 * @param passed whether it held
 * @param detail the numbers behind the verdict, or the first violation
 */
public record InvariantCheck(String name, boolean passed, String detail) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public InvariantCheck {
    requireNonNull(name, "name");
    requireNonNull(detail, "detail");
  }
}
