package org.cryoprotect.molecule.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.model.BatchRecord;
import org.cryoprotect.molecule.model.ToxicityInput;

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
    private static final int MAX_FORMULA_LENGTH = 200;

    private final StructureCalculator calculator;
    private final Validator validator;

    public BatchRecordPreparer(StructureCalculator calculator, Validator validator) {
        this.calculator = calculator;
        this.validator = validator;
    }

    PreparedRecord prepare(int index, BatchRecord record) {
        try {
            return complete(index, record);
        } catch (RejectedRecord e) {
            return PreparedRecord.rejected(index, e.getMessage());
        } catch (InvalidStructureException e) {
            return PreparedRecord.rejected(index, Chemistry.reason(e));
        }
    }

    private PreparedRecord complete(int index, BatchRecord record) throws InvalidStructureException {
        String source = require(record.source(), "source");
        if (!SOURCES.contains(source)) {
            throw new RejectedRecord("source must be one of " + SOURCES);
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
        String canonical = null;
        String inchi = record.inchi();
        if (inchikey == null || formula == null || !supplied.keySet().containsAll(CORE_PROPERTIES)) {
            ComputedStructure structure = calculator.compute(smiles);
            sameStructure(inchikey, structure.inchikey());
            structure.properties().forEach((key, value) -> {
                if (!supplied.containsKey(key)) {
                    computed.put(key, value);
                }
            });
            canonical = structure.canonicalSmiles();
            inchi = inchi == null ? structure.inchi() : inchi;
            inchikey = inchikey == null ? structure.inchikey() : inchikey;
            formula = formula == null ? structure.formula() : formula;
        } else {
            sameStructure(inchikey, calculator.inchikey(smiles));
        }
        List<String> synonyms = synonyms(name, record.synonyms());
        Double weight = supplied.getOrDefault("molecular_weight", computed.get("molecular_weight"));
        List<JsonObject> toxicity = new ArrayList<>();
        if (record.toxicity() != null) {
            for (int i = 0; i < record.toxicity().size(); i++) {
                toxicity.add(toxicityRow(checked(i, record.toxicity().get(i)), source, weight));
            }
        }
        JsonObject row = new JsonObject().put("idx", index).put("name", name).put("smiles", smiles)
                .put("canonical_smiles", canonical).put("inchi", inchi).put("inchikey", inchikey).put("formula", formula)
                .put("pubchem_cid", pubchemCid).put("chembl_id", chemblId);
        return new PreparedRecord(index, source, inchikey, null, row, supplied, computed, synonyms, toxicity);
    }

    /** The identity of a record is its InChIKey: one that names another structure would file the record wrongly. */
    private static void sameStructure(String supplied, String computed) {
        if (supplied != null && !supplied.equals(computed)) {
            throw new RejectedRecord("inchikey " + supplied + " does not match the structure given as smiles (its InChIKey is "
                    + computed + ")");
        }
    }

    /** The same rules as a measurement posted on its own (ToxicityInput's constraints). */
    private ToxicityInput checked(int i, ToxicityInput measurement) {
        if (measurement != null) {
            for (ConstraintViolation<ToxicityInput> violation : validator.validate(measurement)) {
                throw new RejectedRecord("toxicity[" + i + "]." + violation.getPropertyPath() + ": " + violation.getMessage());
            }
        }
        return measurement;
    }

    private static JsonObject toxicityRow(ToxicityInput t, String source, Double molecularWeight) {
        if (t == null || t.endpoint() == null || t.endpoint().isBlank() || t.value() == null || t.unit() == null
                || t.unit().isBlank() || !Double.isFinite(t.value())) {
            throw new RejectedRecord("toxicity entries need endpoint, a finite value and unit");
        }
        String measurementSource = t.source() == null ? source : t.source();
        if (!ToxicitySources.KNOWN.contains(measurementSource)) {
            throw new RejectedRecord("toxicity source must be one of " + ToxicitySources.KNOWN);
        }
        return MeasurementColumns.of(t.endpoint(), t.relation(), t.value(), t.unit(), t.species(), t.route(), t.exposure(),
                molecularWeight).toRow().put("source", measurementSource).put("reference", t.reference());
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
