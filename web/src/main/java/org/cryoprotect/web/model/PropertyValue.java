package org.cryoprotect.web.model;

import java.math.BigDecimal;
import java.math.MathContext;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A property value with its provenance: unit, source and which structure it describes. */
@RegisterForReflection
public record PropertyValue(double value, String unit, String source, String describes) {

    /** Four significant digits, no exponent for ordinary magnitudes. */
    public String display() {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
