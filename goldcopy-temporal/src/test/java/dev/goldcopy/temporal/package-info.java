/** Tests of the Temporal workflows on Temporal's in-process test server and the simulator. */
@org.jspecify.annotations.NullMarked
package dev.goldcopy.temporal;
