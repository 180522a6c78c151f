package org.cryoprotect.importer.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.cryoprotect.importer.client.BatchRecord;
import org.cryoprotect.importer.model.Source;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Upstream JSON → molecule-service batch records, with the types and renames the reference documents. */
class RecordMappingTest {

    private final PubChemSource pubchem = new PubChemSource(null, TestConfig.config());
    private final ChemblSource chembl = new ChemblSource(null, TestConfig.config());

    @Test
    void pubchemRowKeepsValuesAsPubChemWroteThem() throws Exception {
        JsonObject row = new JsonObject("""
                {"CID": 753, "Title": "Glycerol", "MolecularFormula": "C3H8O3", "MolecularWeight": "92.09",
                 "SMILES": "C(C(CO)O)O", "InChIKey": "PEDCQBHIVMGVHV-UHFFFAOYSA-N", "XLogP": -1.8, "TPSA": 60.7,
                 "HBondDonorCount": 3, "HBondAcceptorCount": 3, "RotatableBondCount": 2,
                 "Synonym": ["glycerol", "Glycerin", "Glycerin", "", "propane-1,2,3-triol"]}""");
        BatchRecord record = pubchem.toRecord("753", row);
        assertEquals("pubchem", record.source());
        assertEquals("Glycerol", record.name());
        assertEquals("C(C(CO)O)O", record.smiles());
        assertEquals("92.09", record.properties().get("molecular_weight"));
        assertEquals(-1.8, record.properties().get("xlogp"));
        assertEquals(3, record.properties().get("hbd"));
        assertEquals(List.of("Glycerin", "propane-1,2,3-triol"), record.synonyms());
    }

    @Test
    void pubchemLegacySmilesKeysAreRead() throws Exception {
        JsonObject row = new JsonObject().put("CID", 679).put("IsomericSMILES", "CS(=O)C").put("CanonicalSMILES", "CS(C)=O");
        assertEquals("CS(=O)C", pubchem.toRecord("679", row).smiles());
        assertEquals("CID 679", pubchem.toRecord("679", row).name());
    }

    @Test
    void aPubchemRowWithoutAnySmilesIsUnusable() {
        assertThrows(RecordSource.UnusableRecordException.class,
                () -> pubchem.toRecord("1", new JsonObject().put("CID", 1).put("Title", "x")));
    }

    @Test
    void chemblDecimalsStayStringsAndAlogpIsNotXlogp() throws Exception {
        JsonObject molecule = new JsonObject()
                .put("molecule_chembl_id", "CHEMBL692").put("pref_name", "GLYCEROL")
                .put("molecule_structures", new JsonObject().put("canonical_smiles", "OCC(O)CO")
                        .put("standard_inchi_key", "PEDCQBHIVMGVHV-UHFFFAOYSA-N"))
                .put("molecule_properties", new JsonObject().put("full_mwt", "92.09").put("alogp", "-1.67")
                        .put("psa", "60.69").put("hbd", 3).put("full_molformula", "C3H8O3"))
                .put("molecule_synonyms", new JsonArray().add(new JsonObject().put("molecule_synonym", "Glycerin")));
        BatchRecord record = chembl.toRecord("CHEMBL692", molecule);
        assertEquals("92.09", record.properties().get("molecular_weight"));
        assertEquals("-1.67", record.properties().get("alogp"));
        assertEquals(null, record.properties().get("xlogp"));
        assertEquals("C3H8O3", record.formula());
        assertEquals(List.of("Glycerin"), record.synonyms());
    }

    @Test
    void aChemblMoleculeWithoutStructureIsUnusable() {
        assertThrows(RecordSource.UnusableRecordException.class, () -> chembl.toRecord("CHEMBL1",
                new JsonObject().put("molecule_chembl_id", "CHEMBL1").putNull("molecule_structures")));
    }

    @Test
    void idsAreCheckedPerSource() {
        assertEquals(Optional.of("753"), Source.PUBCHEM.normalize(753));
        assertEquals(Optional.of("753"), Source.PUBCHEM.normalize(" 753 "));
        assertEquals(Optional.empty(), Source.PUBCHEM.normalize("abc"));
        assertEquals(Optional.empty(), Source.PUBCHEM.normalize(-4));
        assertEquals(Optional.empty(), Source.PUBCHEM.normalize(7.5));
        assertEquals(Optional.of("CHEMBL692"), Source.CHEMBL.normalize("chembl692"));
        assertEquals(Optional.empty(), Source.CHEMBL.normalize("CHEMBL"));
        assertEquals(Optional.empty(), Source.CHEMBL.normalize(692));
    }
}
