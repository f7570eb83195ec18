/**
 * The qcow2 file store adapter: {@link dev.goldcopy.qcow2.Qcow2FileStoreAdapter} and its builder.
 */
@NullMarked
package dev.goldcopy.qcow2;

import org.jspecify.annotations.NullMarked;
