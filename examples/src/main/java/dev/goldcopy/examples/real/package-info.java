/**
 * The fleet demo against real storage: a directory of qcow2 images ({@code --qcow2 DIR}) or a
 * Ceph RBD pool ({@code --ceph POOL}), run in real time.
 */
@NullMarked
package dev.goldcopy.examples.real;

import org.jspecify.annotations.NullMarked;
