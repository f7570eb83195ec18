/**
 * The SPI a storage vendor implements: {@link dev.goldcopy.spi.ArrayAdapter}, the store's
 * {@link dev.goldcopy.spi.ArrayCapabilities} and {@link dev.goldcopy.spi.Inventory}, and the
 * {@link dev.goldcopy.spi.ArrayException} hierarchy.
 *
 * <p>Vocabulary: a <em>physical master</em> is a full copy of a golden image (the <em>origin</em>
 * made by the user, or a <em>replica</em> copied from another master); a <em>virtual copy</em> is a
 * linked clone or writable snapshot of a master, one per virtual machine. Masters holding the same
 * content form a <em>replica group</em>.
 */
@NullMarked
package dev.goldcopy.spi;

import org.jspecify.annotations.NullMarked;
