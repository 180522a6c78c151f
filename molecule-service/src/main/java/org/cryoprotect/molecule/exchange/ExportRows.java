package org.cryoprotect.molecule.exchange;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Exported records written from the contract's molecule JSON: SD data items after a molfile, or CSV rows.
 * Property values travel with their unit, source (provenance) and which structure they describe, so an
 * import can tell supplied values from computed ones.
 */
public final class ExportRows {

    /** The properties every CSV row has a column for (others go to {@code other_properties} as JSON). */
    public static final List<String> CSV_PROPERTIES = List.of("molecular_weight", "exact_mass", "xlogp", "tpsa", "hbd", "hba",
            "rotatable_bonds");
    private static final List<String> PROPERTY_PARTS = List.of("unit", "source", "describes");
    private static final List<String> CSV_IDENTITY = List.of("id", "name", "smiles", "canonical_smiles", "inchikey",
            "parent_inchikey", "formula", "pubchem_cid", "chembl_id", "is_public", "similarity");

    private ExportRows() {
    }

    /** The SD record of a molecule: its molfile, then tags for identity, cross-references, synonyms and properties. */
    public static String sdRecord(String molfile, JsonObject molecule) {
        StringBuilder sd = new StringBuilder(molfile.length() + 1024).append(molfile);
        if (!molfile.endsWith("\n")) {
            sd.append('\n');
        }
        for (String field : List.of("id", "name", "inchikey", "parent_inchikey", "formula", "pubchem_cid", "chembl_id",
                "similarity")) {
            tag(sd, field, molecule.getValue(field));
        }
        JsonArray synonyms = molecule.getJsonArray("synonyms", new JsonArray());
        tag(sd, "synonyms", synonyms.isEmpty() ? null : String.join("\n", synonyms.stream().map(String::valueOf).toList()));
        JsonObject properties = molecule.getJsonObject("properties", new JsonObject());
        for (String name : properties.fieldNames().stream().sorted().toList()) {
            JsonObject property = properties.getJsonObject(name);
            tag(sd, name, number(property.getValue("value")));
            for (String part : PROPERTY_PARTS) {
                tag(sd, name + "." + part, property.getValue(part));
            }
        }
        return sd.append("$$$$\n").toString();
    }

    /** A molfile in place of one CDK could not write, so the record and its data still travel (0 atoms). */
    public static String emptyMolfile(String title) {
        String line = title == null ? "" : title.replaceAll("\\p{Cntrl}", " ");
        return (line.length() > 80 ? line.substring(0, 80) : line) + "\n  CryoProtect\n\n"
                + "  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n";
    }

    private static void tag(StringBuilder sd, String name, Object value) {
        if (value == null) {
            return;
        }
        // a blank line ends an SD value: drop empty lines inside it
        String text = String.valueOf(value).replace("\r", "").replaceAll("\n\\s*\n", "\n").strip();
        if (!text.isEmpty()) {
            sd.append("> <").append(name).append(">\n").append(text).append("\n\n");
        }
    }

    public static String csvHeader() {
        StringBuilder header = new StringBuilder(String.join(",", CSV_IDENTITY)).append(",synonyms");
        for (String property : CSV_PROPERTIES) {
            header.append(',').append(property);
            PROPERTY_PARTS.forEach(part -> header.append(',').append(property).append('.').append(part));
        }
        return header.append(',').append(FileFields.OTHER_PROPERTIES).append("\r\n").toString();
    }

    public static String csvRow(JsonObject molecule) {
        Csv row = new Csv();
        for (String field : CSV_IDENTITY) {
            row.add(molecule.getValue(field));
        }
        JsonArray synonyms = molecule.getJsonArray("synonyms", new JsonArray());
        row.add(FileFields.joinSynonyms(synonyms.stream().map(String::valueOf).toList()));
        JsonObject properties = molecule.getJsonObject("properties", new JsonObject());
        for (String name : CSV_PROPERTIES) {
            JsonObject property = properties.getJsonObject(name, new JsonObject());
            row.add(number(property.getValue("value")));
            PROPERTY_PARTS.forEach(part -> row.add(property.getValue(part)));
        }
        JsonObject others = new JsonObject();
        properties.fieldNames().stream().filter(name -> !CSV_PROPERTIES.contains(name)).sorted()
                .forEach(name -> others.put(name, properties.getValue(name)));
        row.add(others.isEmpty() ? null : others.encode());
        return row.line();
    }

    /** Whole numbers without a trailing ".0"; others as Java writes doubles (the shortest text that reads back the same). */
    static String number(Object value) {
        if (!(value instanceof Number number)) {
            return value == null ? null : String.valueOf(value);
        }
        double d = number.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
