package org.cryoprotect.simulator.data;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DataSetTest {

    @Inject
    DataStore data;

    @Test
    void demoAndGeneratedCompoundsWithUniqueIdentifiers() {
        await().atMost(Duration.ofMinutes(2)).until(() -> data.generation() == DataStore.Generation.COMPLETE);
        List<Compound> all = data.all();
        long generated = all.stream().filter(c -> "generated".equals(c.origin())).count();
        assertEquals(300, generated);
        Set<Long> cids = new HashSet<>();
        Set<String> chembl = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Compound c : all) {
            assertTrue(cids.add(c.cid()), "CID " + c.cid());
            assertTrue(chembl.add(c.chemblId()), c.chemblId());
            assertTrue(c.chemblId().matches("CHEMBL\\d+"), c.chemblId());
            assertTrue(keys.add(c.inchiKey()), "one compound per structure: " + c.smiles());
            assertTrue(c.inchiKey().matches("[A-Z]{14}-[A-Z]{10}-[A-Z]"), c.inchiKey());
            assertTrue(c.molecularWeight() > 0);
        }
        // Demo CIDs are the real ones; the ChEMBL demo entries joined their PubChem twins.
        assertEquals("Glycerol", data.byCid(753).title());
        assertEquals("CHEMBL692", data.byCid(753).chemblId());
        assertEquals("CHEMBL504", data.byCid(679).chemblId());
        assertNotNull(data.byChemblId("CHEMBL985"), "urea, ChEMBL only, has a CID too");
    }

    @Test
    void generationIsDeterministicAndValid() {
        List<Compound.Structure> a = DataStore.compute(7, 60, 2);
        List<Compound.Structure> b = DataStore.compute(7, 60, 1);
        assertEquals(a, b);
        CompoundCalculator calculator = new CompoundCalculator();
        for (Compound.Structure s : a) {
            assertNotNull(calculator.compute(s.smiles()), "CDK reads back " + s.smiles());
        }
    }
}
