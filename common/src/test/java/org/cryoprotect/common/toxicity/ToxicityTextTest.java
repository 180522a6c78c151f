package org.cryoprotect.common.toxicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the corpus cannot hold: empty input, and the whole record for the contract's own examples. */
class ToxicityTextTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void emptyTextIsUnparsed(String text) {
        assertEquals(new ToxicityText.Unparsed("empty text"), ToxicityText.parse(text));
    }

    @Test
    void aTextThatIsOnlyANoteIsUnparsed() {
        assertEquals(new ToxicityText.Unparsed("only a note, no measurement"),
                ToxicityText.parse("/Conditions of bioassay not specified/"));
    }

    @Test
    void readsTheContractExamples() {
        assertEquals(new ReportedMeasurement("LD50", "=", 780, "mg/kg", "Rat", "oral", null),
                measurement("LD50 Rat oral 780 mg/kg"));
        assertEquals(new ReportedMeasurement("LD50", "=", 127, "mg/kg", "Mouse", "Oral", null),
                measurement("LD50: 127 mg/kg (Oral, Mouse) (A308)"));
        assertEquals(new ReportedMeasurement("LC50", "=", 32, "mg/L", "Fathead minnow", null, "96 hr"),
                measurement("LC50 Fathead minnow 96 hr 32 mg/L"));
        assertEquals(new ReportedMeasurement("LD50", ">", 2000, "mg/kg bw", "Rat", "oral", null),
                measurement("Rat oral LD50 > 2000 mg/kg bw"));
    }

    @Test
    void nonBreakingSpacesAndLineBreaksReadAsSpaces() {
        assertEquals(new ReportedMeasurement("LD50", "=", 780, "mg/kg", "Rat", "oral", null),
                measurement("LD50\u00a0Rat\noral 780\u00a0mg/kg"));
    }

    private static ReportedMeasurement measurement(String text) {
        return assertInstanceOf(ToxicityText.Parsed.class, ToxicityText.parse(text)).measurement();
    }
}
