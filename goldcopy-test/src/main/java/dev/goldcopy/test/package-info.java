/**
 * Test support for planning logic: a simulated store fixture, inventory and capability builders, a
 * JUnit Jupiter extension, AssertJ assertions on plans and runs, and golden files.
 */
@NullMarked
package dev.goldcopy.test;

import org.jspecify.annotations.NullMarked;
