package dev.goldcopy.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method a fresh {@link TestStore} parameter, made by {@link
 * SimulatedStoreExtension}: on a test class, for all its methods; on a method, for that one (the
 * method's settings win).
 *
 * <pre>{@code
 * @SimulatedStore(profile = "dell-md3200")
 * class MyPolicyTest {
 *   @Test
 *   void eightPerLun(TestStore store) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SimulatedStoreExtension.class)
public @interface SimulatedStore {
  /**
   * The array: a key of {@link dev.goldcopy.sim.VendorProfile#builtIns()}.
   *
   * @return the profile's key
   */
  String profile() default "dell-md3200";

  /**
   * The origin's size in GiB.
   *
   * @return GiB
   */
  long originGiB() default 40;

  /**
   * The run's one seed, as a decimal number; empty for a new random seed each run (printed when the
   * test fails). {@code -Dgoldcopy.seed=N} overrides both, to replay a failure.
   *
   * @return the seed, or empty
   */
  String seed() default "";
}
