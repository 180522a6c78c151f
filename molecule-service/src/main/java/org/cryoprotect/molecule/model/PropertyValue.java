package org.cryoprotect.molecule.model;

/** A property value; {@code describes} says whether it was computed on the molecule as registered or on its parent. */
public record PropertyValue(double value, String unit, String source, String describes) {
}
