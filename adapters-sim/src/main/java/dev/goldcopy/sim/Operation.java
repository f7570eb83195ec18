package dev.goldcopy.sim;

/** The {@link dev.goldcopy.spi.ArrayAdapter} operation a {@link CallRecord} describes. */
public enum Operation {
  /** {@link dev.goldcopy.spi.ArrayAdapter#capabilities}. */
  CAPABILITIES,
  /** {@link dev.goldcopy.spi.ArrayAdapter#inventory}. */
  INVENTORY,
  /** {@link dev.goldcopy.spi.ArrayAdapter#createPhysicalCopy}. */
  CREATE_PHYSICAL_COPY,
  /** {@link dev.goldcopy.spi.ArrayAdapter#createVirtualCopy}. */
  CREATE_VIRTUAL_COPY,
  /** {@link dev.goldcopy.spi.ArrayAdapter#delete}. */
  DELETE
}
