/**
 * The Ceph RBD adapter: {@link dev.goldcopy.ceph.CephRbdAdapter}, configured with its builder.
 */
@NullMarked
package dev.goldcopy.ceph;

import org.jspecify.annotations.NullMarked;
