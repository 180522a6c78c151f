package org.cryoprotect.molecule.chem;

import java.util.BitSet;

/**
 * A fixed-size bit fingerprint. {@link #hex()} is the text PostgreSQL reads with
 * {@code ('x' || hex)::bit(1024)}: bit 0 is the most significant bit of the first hex digit.
 */
public record Fingerprint(BitSet bits, int size) {

    public static final int SIZE = 1024;

    public Fingerprint {
        if (size <= 0 || size % 4 != 0) {
            throw new IllegalArgumentException("fingerprint size must be a positive multiple of 4: " + size);
        }
        if (bits.length() > size) {
            throw new IllegalArgumentException("bit " + (bits.length() - 1) + " is beyond the size " + size);
        }
        bits = (BitSet) bits.clone();
    }

    @Override
    public BitSet bits() {
        return (BitSet) bits.clone();
    }

    public int cardinality() {
        return bits.cardinality();
    }

    public boolean get(int bit) {
        return bits.get(bit);
    }

    /** size/4 lowercase hex digits; digit i holds bits 4i..4i+3, bit 4i in its most significant place. */
    public String hex() {
        int[] values = new int[size / 4];
        // only the set bits: fingerprints are sparse, and every batch record writes two of them
        for (int bit = bits.nextSetBit(0); bit >= 0; bit = bits.nextSetBit(bit + 1)) {
            values[bit / 4] |= 8 >> (bit % 4);
        }
        char[] digits = new char[values.length];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = Character.forDigit(values[i], 16);
        }
        return new String(digits);
    }

    public static Fingerprint fromHex(String hex) {
        BitSet bits = new BitSet(hex.length() * 4);
        for (int i = 0; i < hex.length(); i++) {
            int value = Character.digit(hex.charAt(i), 16);
            if (value < 0) {
                throw new IllegalArgumentException("not a hex digit at " + i + ": " + hex.charAt(i));
            }
            for (int j = 0; j < 4; j++) {
                if ((value & (8 >> j)) != 0) {
                    bits.set(4 * i + j);
                }
            }
        }
        return new Fingerprint(bits, hex.length() * 4);
    }

    /** Every bit of {@code other} is set here: the screen test of a substructure query. */
    public boolean containsAll(Fingerprint other) {
        BitSet missing = other.bits();
        missing.andNot(bits);
        return missing.isEmpty();
    }

    /** |a ∧ b| / |a ∨ b|, and 0 for two empty fingerprints. */
    public double tanimoto(Fingerprint other) {
        BitSet common = other.bits();
        common.and(bits);
        int both = common.cardinality();
        int either = cardinality() + other.cardinality() - both;
        return either == 0 ? 0 : (double) both / either;
    }
}
