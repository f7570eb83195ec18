/** Tests of the Ceph RBD adapter: unit tests on recorded outputs, and tests on a real cluster. */
@NullMarked
package dev.goldcopy.ceph;

import org.jspecify.annotations.NullMarked;
