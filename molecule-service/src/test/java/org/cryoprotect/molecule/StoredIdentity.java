package org.cryoprotect.molecule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.chem.StructureIdentity;

/** Asserts that a stored molecule carries the identity CDK computes for its SMILES: parent key, both fingerprints, popcount. */
public final class StoredIdentity {

    private static final StructureCalculator CALCULATOR = new StructureCalculator();

    private StoredIdentity() {
    }

    public static void assertStoredIdentity(String database, String id, String smiles) throws Exception {
        StructureIdentity expected = CALCULATOR.identity(smiles);
        assertNotNull(expected.similarity());
        try (Connection db = TestDatabase.superuser(database); PreparedStatement query = db.prepareStatement("""
                select parent_inchikey, similarity_fp = ('x' || ?)::bit(1024), screen_fp = ('x' || ?)::bit(1024),
                       similarity_bits, bit_count(similarity_fp)
                from chem.molecules where id = ?::uuid""")) {
            query.setString(1, expected.similarity().hex());
            query.setString(2, expected.screen().hex());
            query.setString(3, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(expected.parentInchikey(), row.getString(1));
                assertTrue(row.getBoolean(2), "similarity fingerprint of " + smiles);
                assertTrue(row.getBoolean(3), "screen fingerprint of " + smiles);
                assertEquals(expected.similarity().cardinality(), row.getInt(4));
                assertEquals(row.getLong(5), row.getInt(4));
                assertFalse(row.next());
            }
        }
    }
}
