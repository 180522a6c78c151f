package org.cryoprotect.simulator.toxicity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cryoprotect.simulator.data.Compound;

/**
 * Toxicity data of the generated compounds, derived from their identifiers alone, so the same compound
 * always gets the same texts and activities: about a quarter have no PUG-View toxicity record and a
 * fifth no ChEMBL activities. Texts come in the styles real records use (HSDB, DrugBank, ECHA, aquatic
 * ecotoxicity), a few of them deliberately not one measurement (prose, ranges).
 */
public final class GeneratedToxicity {

    static final int REFERENCE_NUMBER = 1;
    static final long ACTIVITY_ID_BASE = 200_000_000L;
    static final int ACTIVITIES_PER_MOLECULE = 8;
    private static final long CHEMBL_NUMBER_BASE = 6_000_000L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String[][] DOSING = {
        {"Rat", "oral"}, {"Mouse", "oral"}, {"Mouse", "ip"}, {"Rat", "iv"}, {"Rabbit", "skin"},
        {"Mouse", "iv"}, {"Guinea pig", "oral"}, {"Rat", "sc"}, {"Rat", "ip"}, {"Dog", "oral"}};
    private static final String[][] AQUATIC = {
        {"LC50", "Pimephales promelas (fathead minnow)", "96 hr"},
        {"LC50", "Oncorhynchus mykiss (rainbow trout)", "96 hr"},
        {"LC50", "Lepomis macrochirus (bluegill)", "96 hr"},
        {"EC50", "Daphnia magna", "48 hr"}};
    private static final String[] PROSE = {
        "Toxicity values vary with the strain tested.",
        "The acute oral toxicity in rats was reported as low; no deaths occurred at the highest dose tested."};

    private GeneratedToxicity() {
    }

    /** The generated PUG-View record of a generated compound, or null for about one in four. */
    public static ObjectNode pugView(Compound c) {
        long h = mix(c.cid() * 0x9E3779B97F4A7C15L + 17);
        if (Math.floorMod(h, 4) == 0) {
            return null;
        }
        ArrayNode values = NODES.arrayNode();
        int count = 1 + (int) Math.floorMod(h >>> 4, 5);
        int first = (int) Math.floorMod(h >>> 12, DOSING.length);
        for (int k = 0; k < count; k++) {
            long v = mix(h + k);
            String[] dosing = DOSING[(first + k) % DOSING.length];
            values.add(item(dosingText(dosing[0], dosing[1], dose(v), (int) Math.floorMod(v >>> 20, 5)),
                    Math.floorMod(v >>> 28, 4) == 0 ? null : reference(c, v)));
        }
        if (Math.floorMod(h >>> 24, 6) == 0) {
            values.add(item(PROSE[(int) Math.floorMod(h >>> 30, PROSE.length)], null));
        }
        ArrayNode aquatic = NODES.arrayNode();
        if (Math.floorMod(h >>> 36, 3) == 0) {
            int n = 1 + (int) Math.floorMod(h >>> 40, 2);
            for (int k = 0; k < n; k++) {
                long v = mix(h ^ (k + 101));
                String[] a = AQUATIC[(int) Math.floorMod(v, AQUATIC.length)];
                long conc = Math.round(round3(100 + Math.floorMod(v >>> 8, 50_000)));
                String amount = Math.floorMod(v >>> 30, 7) == 0
                        ? String.format(Locale.ROOT, "%,d-%,d", conc, conc + conc / 3)
                        : String.format(Locale.ROOT, "%,d", conc);
                aquatic.add(item(a[0] + " " + a[1] + " " + amount + " mg/L/" + a[2] + " /Static bioassay/", reference(c, v)));
            }
        }
        return record(c, values, aquatic);
    }

    /** The generated activities of a generated molecule in activity_id order (none for about one in five). */
    public static List<ObjectNode> chemblActivities(Compound c) {
        long number = Long.parseLong(c.chemblId().substring("CHEMBL".length()));
        long h = mix(number * 31 + 7);
        int count = (int) Math.floorMod(h, 5);
        List<ObjectNode> result = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long v = mix(h + 1000 + k);
            long id = ACTIVITY_ID_BASE + (number - CHEMBL_NUMBER_BASE) * ACTIVITIES_PER_MOLECULE + k;
            result.add(activity(c, id, v));
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------

    private static ObjectNode activity(Compound c, long id, long v) {
        int kind = (int) Math.floorMod(v, 6);
        boolean mouse = Math.floorMod(v >>> 8, 2) == 0;
        String relation = Math.floorMod(v >>> 12, 8) == 0 ? ">" : "=";
        return switch (kind) {
            case 0, 1 -> ActivityJson.of(c, id, "LD50", relation, decimal(dose(v)), "mg.kg-1", "T",
                    "Acute toxicity in " + (mouse ? "mouse" : "rat") + " assessed as lethality after "
                            + (Math.floorMod(v >>> 16, 2) == 0 ? "oral" : "intraperitoneal") + " administration",
                    mouse ? "Mus musculus" : "Rattus norvegicus", mouse ? "Mus musculus" : "Rattus norvegicus",
                    mouse ? "10090" : "10116", document(v));
            case 2 -> ActivityJson.of(c, id, "CC50", relation, decimal(round3(1_000 + Math.floorMod(v >>> 20, 500_000_000))),
                    "nM", "T", "Cytotoxicity against human HEK293 cells assessed as reduction in cell viability after 48 hrs",
                    "Homo sapiens", "HEK293", "9606", document(v));
            case 3 -> ActivityJson.of(c, id, "IC50", relation, decimal(round3(1 + Math.floorMod(v >>> 20, 100_000))), "nM",
                    "B", "Inhibition of human carbonic anhydrase 2", "Homo sapiens", "Carbonic anhydrase II", "9606",
                    document(v));
            case 4 -> ActivityJson.of(c, id, "LC50", "=", decimal(round3(10 + Math.floorMod(v >>> 20, 50_000))),
                    "ug.mL-1", "T", "Acute toxicity in Pimephales promelas assessed as mortality after 96 hrs",
                    "Pimephales promelas", "Pimephales promelas", "90988", document(v));
            default -> ActivityJson.of(c, id, "Inhibition", "=", decimal(Math.floorMod(v >>> 20, 100)), "%", "F",
                    "Cryoprotective activity in human red blood cells assessed as inhibition of freeze-thaw hemolysis",
                    "Homo sapiens", "Homo sapiens", "9606", document(v));
        };
    }

    private static String document(long v) {
        return "CHEMBL98" + String.format(Locale.ROOT, "%05d", Math.floorMod(v >>> 40, 100_000));
    }

    private static String dosingText(String species, String route, double mgPerKg, int style) {
        if (style == 4 && mgPerKg < 1000) {
            style = 0;
        }
        String amount = String.format(Locale.ROOT, "%,d", Math.round(mgPerKg));
        return switch (style) {
            case 0, 1 -> "LD50 " + species + " " + route + " " + amount + " mg/kg";
            case 2 -> "LD50: " + Math.round(mgPerKg) + " mg/kg (" + capitalized(longRoute(route)) + ", " + species + ")";
            case 3 -> species + " " + longRoute(route) + " LD50 > " + Math.round(mgPerKg) + " mg/kg bw";
            default -> "LD50 " + species + " " + route + " " + new BigDecimal(mgPerKg / 1000).round(new java.math.MathContext(3))
                    .stripTrailingZeros().toPlainString() + " g/kg";
        };
    }

    private static String longRoute(String route) {
        return switch (route) {
            case "ip" -> "intraperitoneal";
            case "iv" -> "intravenous";
            case "sc" -> "subcutaneous";
            case "skin" -> "dermal";
            default -> route;
        };
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A lethal dose between about 50 and 20,000 mg/kg, log-uniform, three significant figures. */
    private static double dose(long v) {
        double unit = Math.floorMod(v >>> 3, 1_000_000) / 1_000_000.0;
        return round3(50 * Math.pow(400, unit));
    }

    private static double round3(double x) {
        return new BigDecimal(x).round(new java.math.MathContext(3)).doubleValue();
    }

    /** ChEMBL writes decimals with at least one fractional digit ("2500.0"). */
    private static String decimal(double x) {
        String s = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static String reference(Compound c, long v) {
        return "Simulated toxicity report on " + c.title() + " (CryoProtect upstream simulator)., p. "
                + (1 + Math.floorMod(v >>> 44, 400));
    }

    private static ObjectNode item(String text, String reference) {
        ObjectNode item = NODES.objectNode();
        item.put("ReferenceNumber", REFERENCE_NUMBER);
        item.put("Description", "PEER REVIEWED");
        if (reference != null) {
            item.putArray("Reference").add(reference);
        }
        item.putObject("Value").putArray("StringWithMarkup").addObject().put("String", text);
        return item;
    }

    private static ObjectNode record(Compound c, ArrayNode values, ArrayNode aquatic) {
        ObjectNode root = NODES.objectNode();
        ObjectNode record = root.putObject("Record");
        record.put("RecordType", "CID");
        record.put("RecordNumber", c.cid());
        record.put("RecordTitle", c.title());
        ObjectNode toxicity = record.putArray("Section").addObject();
        toxicity.put("TOCHeading", "Toxicity");
        toxicity.put("Description", "Toxicity information related to this record, including routes of exposure, "
                + "symptoms, target organs, and toxicity values.");
        ObjectNode information = toxicity.putArray("Section").addObject();
        information.put("TOCHeading", "Toxicological Information");
        information.put("Description", "Toxicological information collected from HSDB and other sources");
        ArrayNode sections = information.putArray("Section");
        section(sections, "Non-Human Toxicity Values", "Toxicity values (LD50, LC50 and the like) measured in non-human species", values);
        if (!aquatic.isEmpty()) {
            section(sections, "Ecotoxicity Values", "Toxicity values for aquatic and terrestrial organisms", aquatic);
        }
        ObjectNode reference = record.putArray("Reference").addObject();
        reference.put("ReferenceNumber", REFERENCE_NUMBER);
        reference.put("SourceName", "CryoProtect upstream simulator");
        reference.put("SourceID", "SIM-" + c.cid());
        reference.put("Name", c.title());
        reference.put("Description", "Generated toxicity values of a generated compound; not real data.");
        reference.put("URL", "https://upstream-simulator.invalid/toxicity/" + c.cid());
        return root;
    }

    private static void section(ArrayNode sections, String heading, String description, ArrayNode information) {
        ObjectNode s = sections.addObject();
        s.put("TOCHeading", heading);
        s.put("Description", description);
        s.putObject("DisplayControls").put("ShowAtMost", 5);
        s.set("Information", information);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
