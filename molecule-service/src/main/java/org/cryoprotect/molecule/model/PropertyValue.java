package org.cryoprotect.molecule.model;

public record PropertyValue(double value, String unit, String source) {
}
