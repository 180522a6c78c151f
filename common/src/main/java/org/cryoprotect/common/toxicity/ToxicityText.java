package org.cryoprotect.common.toxicity;

/**
 * Reads one toxicity measurement from the free text sources publish: HSDB ("LD50 Rat oral 780 mg/kg",
 * "LC50 Rat inhalation 4,000 ppm/4 hr", "LDLo Human oral 1.4 mL/kg"), its labelled ECOTOX style
 * ("LC50; Species: ...; Concentration: 33,000 mg/L for 96 hr"), DrugBank ("LD50: 127 mg/kg (Oral, Mouse)
 * (A308)") and ECHA ("LD50 (rat, oral) > 2000 mg/kg bw"). Words are kept as written; only the endpoint
 * is made canonical. Nothing is invented: a range, several values, or a value without an endpoint or
 * unit is {@link Unparsed}, with the reason, and the caller keeps the original text.
 */
public final class ToxicityText {

    private ToxicityText() {
    }

    /** Parses free text such as "LD50 Rat oral 780 mg/kg", "LD50: 127 mg/kg (Oral, Mouse)",
     *  "LC50 Fathead minnow 96 hr 32 mg/L", "Rat oral LD50 > 2000 mg/kg bw". */
    public static Parse parse(String text) {
        if (text == null || text.isBlank()) {
            return new Unparsed("empty text");
        }
        String cleaned = Cleaning.clean(text);
        if (cleaned.isEmpty()) {
            return new Unparsed("only a note, no measurement");
        }
        return EcotoxFields.applies(cleaned) ? EcotoxFields.parse(cleaned) : FreeText.parse(cleaned);
    }

    /** What {@link #parse} made of a text. */
    public sealed interface Parse permits Parsed, Unparsed {
    }

    /** One measurement read from the text. */
    public record Parsed(ReportedMeasurement measurement) implements Parse {
    }

    /** The text is not one measurement; the reason says what is missing or ambiguous. */
    public record Unparsed(String reason) implements Parse {
    }
}
