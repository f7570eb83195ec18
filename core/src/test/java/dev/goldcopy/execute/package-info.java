/** Tests of the replication executor. */
@NullMarked
package dev.goldcopy.execute;

import org.jspecify.annotations.NullMarked;
