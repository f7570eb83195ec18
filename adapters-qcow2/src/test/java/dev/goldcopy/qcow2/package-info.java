/**
 * Tests of the qcow2 file store adapter: unit tests of its parts and runs against real qemu-img.
 */
@NullMarked
package dev.goldcopy.qcow2;

import org.jspecify.annotations.NullMarked;
