/**
 * A Micrometer {@code MeterRegistry} as a listener of Goldcopy's executor; see {@link
 * dev.goldcopy.micrometer.MicrometerExecutionListener} for the meters and their names.
 */
@NullMarked
package dev.goldcopy.micrometer;

import org.jspecify.annotations.NullMarked;
