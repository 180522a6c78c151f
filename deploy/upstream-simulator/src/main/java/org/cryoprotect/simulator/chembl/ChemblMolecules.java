package org.cryoprotect.simulator.chembl;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cryoprotect.simulator.data.Compound;
import org.cryoprotect.simulator.faults.FaultInjector;
import org.cryoprotect.simulator.faults.Upstream;
import org.cryoprotect.simulator.http.SimulatorStats;

/**
 * A compound as ChEMBL's {@code /molecule} resource writes it: decimal fields (mw_freebase, alogp,
 * psa, full_mwt, qed_weighted, mw_monoisotopic, cx_*) as strings with fixed decimals, counts as
 * numbers, {@code ro3_pass} Y/N. The molfile is not served.
 */
final class ChemblMolecules {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChemblMolecules() {
    }

    static ObjectNode molecule(Compound c, FaultInjector faults, SimulatorStats stats) {
        ObjectNode m = NODES.objectNode();
        m.putArray("atc_classifications");
        m.put("availability_type", -1);
        m.putNull("biotherapeutic");
        m.put("black_box_warning", 0);
        m.putNull("chebi_par_id");
        m.put("chemical_probe", 0);
        m.put("chirality", c.atomStereo() == 0 ? 2 : c.definedAtomStereo() == c.atomStereo() ? 1 : 0);
        m.putArray("cross_references");
        m.put("dosed_ingredient", false);
        m.putNull("first_approval");
        m.put("first_in_class", -1);
        m.putNull("helm_notation");
        m.putNull("indication_class");
        m.put("inorganic_flag", 0);
        m.putNull("max_phase");
        m.put("molecule_chembl_id", c.chemblId());
        ObjectNode hierarchy = m.putObject("molecule_hierarchy");
        hierarchy.put("active_chembl_id", c.chemblId());
        hierarchy.put("molecule_chembl_id", c.chemblId());
        hierarchy.put("parent_chembl_id", c.chemblId());
        m.set("molecule_properties", properties(c, faults, stats));
        ObjectNode structures = m.putObject("molecule_structures");
        structures.put("canonical_smiles", c.smiles());
        structures.put("standard_inchi", c.inchi());
        structures.put("standard_inchi_key", c.inchiKey());
        ArrayNode synonyms = m.putArray("molecule_synonyms");
        if (c.chemblName() != null) {
            for (String s : c.synonyms()) {
                if (!s.startsWith("CHEMBL")) {
                    ObjectNode syn = synonyms.addObject();
                    syn.put("molecule_synonym", s);
                    syn.put("syn_type", "OTHER");
                    syn.put("synonyms", s.toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        m.put("molecule_type", "Small molecule");
        m.put("natural_product", 0);
        m.put("oral", false);
        m.put("orphan", -1);
        m.put("parenteral", false);
        m.put("polymer_flag", 0);
        if (c.chemblName() == null) {
            m.putNull("pref_name");
        } else {
            m.put("pref_name", c.chemblName());
        }
        m.put("prodrug", -1);
        m.put("structure_type", "MOL");
        m.put("therapeutic_flag", false);
        m.put("topical", false);
        m.putNull("usan_stem");
        m.putNull("usan_stem_definition");
        m.putNull("usan_substem");
        m.putNull("usan_year");
        m.put("withdrawn_flag", false);
        return m;
    }

    private static ObjectNode properties(Compound c, FaultInjector faults, SimulatorStats stats) {
        double logp = c.xlogp();
        int ro5 = (c.largestFragmentWeight() > 500 ? 1 : 0) + (logp > 5 ? 1 : 0) + (c.hbondDonors() > 5 ? 1 : 0)
                + (c.hbondAcceptors() > 10 ? 1 : 0);
        int lipinski = (c.largestFragmentWeight() > 500 ? 1 : 0) + (logp > 5 ? 1 : 0) + (c.lipinskiDonors() > 5 ? 1 : 0)
                + (c.lipinskiAcceptors() > 10 ? 1 : 0);
        boolean ro3 = c.largestFragmentWeight() < 300 && logp <= 3 && c.hbondDonors() <= 3 && c.hbondAcceptors() <= 3
                && c.rotatableBonds() <= 3;
        ObjectNode p = NODES.objectNode();
        put(p, "alogp", fixed(logp, 2), faults, stats);
        put(p, "aromatic_rings", c.aromaticRings(), faults, stats);
        put(p, "cx_logd", fixed(logp, 2), faults, stats);
        put(p, "cx_logp", fixed(logp, 2), faults, stats);
        p.putNull("cx_most_apka");
        p.putNull("cx_most_bpka");
        put(p, "full_molformula", c.formula(), faults, stats);
        put(p, "full_mwt", fixed(c.molecularWeight(), 2), faults, stats);
        put(p, "hba", c.hbondAcceptors(), faults, stats);
        put(p, "hba_lipinski", c.lipinskiAcceptors(), faults, stats);
        put(p, "hbd", c.hbondDonors(), faults, stats);
        put(p, "hbd_lipinski", c.lipinskiDonors(), faults, stats);
        put(p, "heavy_atoms", c.heavyAtoms(), faults, stats);
        put(p, "molecular_species", c.charge() == 0 && !c.smiles().contains("+") ? "NEUTRAL" : "ZWITTERION", faults, stats);
        put(p, "mw_freebase", fixed(c.largestFragmentWeight(), 2), faults, stats);
        put(p, "mw_monoisotopic", fixed(c.exactMass(), 4), faults, stats);
        put(p, "np_likeness_score", null, faults, stats);
        put(p, "num_lipinski_ro5_violations", lipinski, faults, stats);
        put(p, "num_ro5_violations", ro5, faults, stats);
        put(p, "psa", fixed(c.tpsa(), 2), faults, stats);
        put(p, "qed_weighted", fixed(qed(c), 2), faults, stats);
        put(p, "ro3_pass", ro3 ? "Y" : "N", faults, stats);
        put(p, "rtb", c.rotatableBonds(), faults, stats);
        return p;
    }

    private static void put(ObjectNode p, String field, Object value, FaultInjector faults, SimulatorStats stats) {
        if (value != null && faults.missing(Upstream.CHEMBL, field)) {
            stats.count("faults.missing_property");
            value = null;
        }
        if (value == null) {
            p.putNull(field);
        } else if (value instanceof Integer i) {
            p.put(field, i);
        } else {
            p.put(field, value.toString());
        }
    }

    /** A smooth stand-in for QED (Bickerton's desirabilities are not in CDK): 0..1, highest for drug-like values. */
    static double qed(Compound c) {
        double mw = c.largestFragmentWeight();
        double d = Math.exp(-Math.pow((mw - 300) / 250, 2)) * Math.exp(-Math.pow((c.xlogp() - 2.5) / 3.5, 2))
                * Math.exp(-Math.pow(Math.max(0, c.hbondDonors() - 2) / 4.0, 2))
                * Math.exp(-Math.pow(Math.max(0, c.hbondAcceptors() - 4) / 6.0, 2))
                * Math.exp(-Math.pow(Math.max(0, c.tpsa() - 90) / 80, 2));
        return Math.max(0.01, Math.min(0.95, Math.pow(d, 0.5)));
    }

    static String fixed(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
