package org.cryoprotect.molecule.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.chem.StructureIdentity;
import org.cryoprotect.molecule.model.BatchRecord;
import org.cryoprotect.molecule.repository.MoleculeRepository;

import io.vertx.core.json.JsonObject;

/**
 * Checks one batch record and computes with CDK whatever it lacks. Runs on chemistry threads. Every
 * value is checked here against what the table accepts, so a bad record is rejected with its reason
 * instead of failing the whole batch in the database.
 */
@ApplicationScoped
public class BatchRecordPreparer {

    static final Set<String> SOURCES = Set.of("pubchem", "chembl", "manual");
    static final Set<String> CORE_PROPERTIES = Set.of("molecular_weight", "exact_mass", "xlogp", "tpsa", "hbd", "hba",
            "rotatable_bonds");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern INCHIKEY = Pattern.compile("[A-Z]{14}-[A-Z]{10}-[A-Z]");
    private static final Pattern CHEMBL_ID = Pattern.compile("CHEMBL[1-9][0-9]{0,11}");
    private static final Pattern CID = Pattern.compile("[1-9][0-9]{0,11}");
    private static final int MAX_SYNONYMS = 1000;
    /** Each value is a row of its own: a record (a CSV row of 10 MiB) must not become millions of them. */
    static final int MAX_PROPERTIES = 200;
    private static final int MAX_FORMULA_LENGTH = 200;

    private final StructureCalculator calculator;

    public BatchRecordPreparer(StructureCalculator calculator) {
        this.calculator = calculator;
    }

    PreparedRecord prepare(int index, BatchRecord record) {
        return prepare(index, record, null);
    }

    /**
     * @param registeredSmiles the SMILES the registry holds under the record's InChIKey with its identity
     *                         computed (parent key, fingerprints), or null: a record of that very SMILES and
     *                         all its properties supplied needs no CDK (see {@link #complete})
     */
    PreparedRecord prepare(int index, BatchRecord record, String registeredSmiles) {
        try {
            return complete(index, record, registeredSmiles);
        } catch (RejectedRecord e) {
            return PreparedRecord.rejected(index, e.getMessage());
        } catch (InvalidStructureException e) {
            return PreparedRecord.rejected(index, Chemistry.reason(e));
        }
    }

    private PreparedRecord complete(int index, BatchRecord record, String registeredSmiles) throws InvalidStructureException {
        String source = require(record.source(), "source");
        if (!SOURCES.contains(source)) {
            throw new RejectedRecord("source must be one of " + SOURCES);
        }
        if (record.toxicity() != null && !record.toxicity().isEmpty()) {
            // one way in for imported measurements, the one that knows their source records
            throw new RejectedRecord("toxicity is imported through POST /api/toxicity/batch, not inside a molecule record");
        }
        String sourceId = record.sourceId() == null ? null : record.sourceId().trim();
        Long pubchemCid = null;
        String chemblId = null;
        if ("pubchem".equals(source)) {
            pubchemCid = Long.valueOf(matching(sourceId, CID, "source_id (a PubChem CID)"));
        } else if ("chembl".equals(source)) {
            chemblId = matching(sourceId, CHEMBL_ID, "source_id (a ChEMBL id)");
        }
        String smiles = require(record.smiles(), "smiles");
        String name = record.name() == null || record.name().isBlank() ? sourceId : record.name().trim();
        if (name == null || name.length() > 500) {
            throw new RejectedRecord("name is required (at most 500 characters)");
        }
        Map<String, Double> supplied = new LinkedHashMap<>();
        String formula = record.formula();
        if (record.properties() != null) {
            if (record.properties().size() > MAX_PROPERTIES) {
                throw new RejectedRecord("at most " + MAX_PROPERTIES + " properties per record, got " + record.properties().size());
            }
            for (Map.Entry<String, Object> property : record.properties().entrySet()) {
                if ("formula".equals(property.getKey()) && property.getValue() instanceof String text) {
                    formula = formula == null ? text : formula;
                } else {
                    supplied.put(propertyName(property.getKey()), number(property.getKey(), property.getValue()));
                }
            }
        }
        if (formula != null && (formula.isBlank() || formula.length() > MAX_FORMULA_LENGTH)) {
            throw new RejectedRecord("formula must be non-empty and at most " + MAX_FORMULA_LENGTH + " characters");
        }
        String inchikey = record.inchikey() == null ? null : matching(record.inchikey().trim(), INCHIKEY, "inchikey");
        Map<String, Double> computed = new LinkedHashMap<>();
        Map<String, String> describes = Map.of();
        String canonical = null;
        String inchi = record.inchi();
        StructureIdentity identity;
        if (inchikey == null || formula == null || !supplied.keySet().containsAll(CORE_PROPERTIES)) {
            ComputedStructure structure = calculator.compute(smiles);
            sameStructure(inchikey, structure.inchikey());
            structure.properties().forEach((key, value) -> {
                if (!supplied.containsKey(key)) {
                    computed.put(key, value);
                }
            });
            describes = structure.describes();
            identity = structure.identity();
            canonical = structure.canonicalSmiles();
            inchi = inchi == null ? structure.inchi() : inchi;
            inchikey = inchikey == null ? structure.inchikey() : inchikey;
            formula = formula == null ? structure.formula() : formula;
        } else if (smiles.equals(registeredSmiles)) {
            // The registry row of this key was computed from this very SMILES, and the key checked
            // against it then; its identity stays (an existing row keeps its own), so none is sent.
            identity = null;
        } else {
            identity = calculator.identity(smiles);
            sameStructure(inchikey, identity.inchikey());
        }
        List<String> synonyms = synonyms(name, record.synonyms());
        JsonObject row = new JsonObject().put("idx", index).put("name", name).put("smiles", smiles)
                .put("canonical_smiles", canonical).put("inchi", inchi).put("inchikey", inchikey).put("formula", formula)
                .put("pubchem_cid", pubchemCid).put("chembl_id", chemblId)
                .put("parent_inchikey", identity == null ? null : identity.parentInchikey())
                .put("similarity_fp", identity == null ? null : MoleculeRepository.hex(identity.similarity()))
                .put("screen_fp", identity == null ? null : MoleculeRepository.hex(identity.screen()));
        return new PreparedRecord(index, source, inchikey, null, row, supplied, computed, describes, synonyms);
    }

    /** The identity of a record is its InChIKey: one that names another structure would file the record wrongly. */
    private static void sameStructure(String supplied, String computed) {
        if (supplied != null && !supplied.equals(computed)) {
            throw new RejectedRecord("inchikey " + supplied + " does not match the structure given as smiles (its InChIKey is "
                    + computed + ")");
        }
    }

    private static List<String> synonyms(String name, List<String> given) {
        List<String> synonyms = new ArrayList<>();
        synonyms.add(name);
        if (given != null) {
            if (given.size() > MAX_SYNONYMS) {
                throw new RejectedRecord("at most " + MAX_SYNONYMS + " synonyms per record");
            }
            for (String synonym : given) {
                if (synonym == null || synonym.isBlank() || synonym.length() > 500) {
                    throw new RejectedRecord("synonyms must be non-empty and at most 500 characters");
                }
                synonyms.add(synonym.trim());
            }
        }
        return synonyms;
    }

    private static String propertyName(String name) {
        if (name == null || !PROPERTY_NAME.matcher(name).matches()) {
            throw new RejectedRecord("property name '" + name + "' must be snake_case (a-z, 0-9, _)");
        }
        return name;
    }

    private static double number(String name, Object value) {
        try {
            double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).trim());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RejectedRecord("property " + name + " must be a number, got '" + value + "'");
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecord(field + " is required");
        }
        return value.trim();
    }

    private static String matching(String value, Pattern pattern, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new RejectedRecord(field + " is malformed: '" + value + "'");
        }
        return value;
    }

    private static final class RejectedRecord extends RuntimeException {
        RejectedRecord(String message) {
            super(message, null, false, false);
        }
    }
}
