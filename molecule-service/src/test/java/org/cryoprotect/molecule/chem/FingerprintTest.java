package org.cryoprotect.molecule.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

/**
 * hex() is what PostgreSQL reads with ('x' || hex)::bit(1024): checked by hand against PostgreSQL 15,
 * where 'x1000…' has its first 1 at position 4 (bit 3), 'x8000…' sets get_bit(…, 0) and 'x…0001' bit 1023.
 */
class FingerprintTest {

    private static Fingerprint withBits(int... set) {
        BitSet bits = new BitSet();
        for (int bit : set) {
            bits.set(bit);
        }
        return new Fingerprint(bits, Fingerprint.SIZE);
    }

    @Test
    void bitZeroIsTheMostSignificantBitOfTheFirstDigit() {
        assertEquals("8" + "0".repeat(255), withBits(0).hex());
        assertEquals("1" + "0".repeat(255), withBits(3).hex());
        assertEquals("08" + "0".repeat(254), withBits(4).hex());
        assertEquals("0".repeat(255) + "1", withBits(1023).hex());
        assertEquals("f" + "0".repeat(254) + "a", withBits(0, 1, 2, 3, 1020, 1022).hex());
    }

    @Test
    void hexIsLowercaseWithSizeOverFourDigitsAndReadsBack() {
        Fingerprint fingerprint = withBits(5, 17, 200, 511, 1000);
        String hex = fingerprint.hex();

        assertEquals(256, hex.length());
        assertEquals(hex.toLowerCase(), hex);
        assertEquals(fingerprint, Fingerprint.fromHex(hex));
        assertEquals(5, fingerprint.cardinality());
    }

    @Test
    void containsAllAndTanimoto() {
        Fingerprint big = withBits(1, 2, 3, 4);
        Fingerprint small = withBits(2, 4);

        assertTrue(big.containsAll(small));
        assertFalse(small.containsAll(big));
        assertEquals(0.5, big.tanimoto(small), 1e-12);
        assertEquals(1.0, big.tanimoto(withBits(1, 2, 3, 4)), 1e-12);
        assertEquals(0.0, withBits().tanimoto(withBits()), 1e-12);
    }

    @Test
    void bitsBeyondTheSizeAreRefused() {
        BitSet bits = new BitSet();
        bits.set(1024);
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint(bits, Fingerprint.SIZE));
    }

    @Test
    void theBitSetCannotBeChangedFromOutside() {
        BitSet bits = new BitSet();
        Fingerprint fingerprint = new Fingerprint(bits, Fingerprint.SIZE);
        bits.set(7);
        fingerprint.bits().set(9);
        assertEquals(0, fingerprint.cardinality());
    }
}
