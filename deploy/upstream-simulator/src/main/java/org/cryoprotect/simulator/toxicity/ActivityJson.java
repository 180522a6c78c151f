package org.cryoprotect.simulator.toxicity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cryoprotect.simulator.data.Compound;

/** One ChEMBL {@code /activity} record with the fields of the real resource, in its key order. */
final class ActivityJson {

    private ActivityJson() {
    }

    static ObjectNode of(Compound c, long id, String type, String relation, String value, String units,
            String assayType, String assayDescription, String organism, String targetName, String taxId,
            String document) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.putNull("activity_comment");
        a.put("activity_id", id);
        a.putArray("activity_properties");
        a.put("assay_chembl_id", "CHEMBL97" + String.format(java.util.Locale.ROOT, "%07d", id - GeneratedToxicity.ACTIVITY_ID_BASE));
        a.put("assay_description", assayDescription);
        a.put("assay_type", assayType);
        a.putNull("bao_endpoint");
        boolean organismBased = organism.equals(targetName);
        a.put("bao_format", organismBased ? "BAO_0000218" : "BAO_0000219");
        a.put("bao_label", organismBased ? "organism-based format" : "cell-based format");
        a.put("canonical_smiles", c.connectivitySmiles());
        a.putNull("data_validity_comment");
        a.putNull("data_validity_description");
        a.put("document_chembl_id", document);
        a.put("document_journal", "Simulated J.");
        a.put("document_year", 1990 + (int) Math.floorMod(id, 35));
        a.putNull("ligand_efficiency");
        a.put("molecule_chembl_id", c.chemblId());
        a.put("molecule_pref_name", c.chemblName());
        a.put("parent_molecule_chembl_id", c.chemblId());
        a.putNull("pchembl_value");
        a.put("potential_duplicate", 0);
        a.put("qudt_units", switch (units) {
            case "mg.kg-1" -> "http://www.openphacts.org/units/MilligramPerKilogram";
            case "nM" -> "http://www.openphacts.org/units/Nanomolar";
            case "ug.mL-1" -> "http://www.openphacts.org/units/MicrogramPerMilliliter";
            default -> null;
        });
        a.put("record_id", id - 80_000_000L);
        a.put("relation", relation);
        a.put("src_id", 1);
        a.put("standard_flag", 1);
        a.put("standard_relation", relation);
        a.putNull("standard_text_value");
        a.put("standard_type", type);
        a.put("standard_units", units);
        a.putNull("standard_upper_value");
        a.put("standard_value", value);
        a.putNull("target_chembl_id");
        a.put("target_organism", organism);
        a.put("target_pref_name", targetName);
        a.put("target_tax_id", taxId);
        a.putNull("text_value");
        a.putNull("toid");
        a.put("type", type);
        a.put("units", switch (units) {
            case "mg.kg-1" -> "mg/kg";
            case "ug.mL-1" -> "ug/ml";
            default -> units;
        });
        a.put("uo_units", switch (units) {
            case "mg.kg-1" -> "UO_0000308";
            case "nM" -> "UO_0000065";
            case "ug.mL-1" -> "UO_0000274";
            default -> "UO_0000187";
        });
        a.putNull("upper_value");
        a.put("value", value);
        return a;
    }
}
