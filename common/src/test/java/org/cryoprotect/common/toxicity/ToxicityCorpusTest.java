package org.cryoprotect.common.toxicity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every line of {@code toxicity/corpus.tsv}: the parse, the controlled species and route, the
 * exposure in hours and the normalized value. Each line is its own test and reports all its
 * mismatching fields at once.
 */
class ToxicityCorpusTest {

    private static final String NONE = "-";
    private static final String REFUSED = "REFUSED: ";

    static Stream<Arguments> corpus() throws IOException {
        return lines().stream().map(fields -> Arguments.of(fields[0], fields));
    }

    @Test
    void corpusIsLargeAndCoversParsedAndUnparsedText() throws IOException {
        List<String[]> lines = lines();
        long unparsed = lines.stream().filter(line -> line[1].equals("UNPARSED")).count();
        assertTrue(lines.size() >= 120, "corpus has " + lines.size() + " lines");
        assertTrue(unparsed >= 20, "corpus has " + unparsed + " unparsed lines");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void line(String text, String[] fields) {
        var parse = ToxicityText.parse(text);
        if (fields[1].equals("UNPARSED")) {
            var unparsed = assertInstanceOf(ToxicityText.Unparsed.class, parse, () -> text + ": expected UNPARSED, got " + parse);
            assertTrue(unparsed.reason().contains(fields[2]),
                    text + ": reason '" + unparsed.reason() + "' should contain '" + fields[2] + "'");
            return;
        }
        var parsed = assertInstanceOf(ToxicityText.Parsed.class, parse, () -> text + ": expected a parse, got " + parse);
        ReportedMeasurement m = parsed.measurement();
        var normalized = ToxicityUnits.normalize(m.value(), m.unit(), number(fields[11]));
        assertAll(text,
                () -> assertEquals(fields[1], m.endpoint(), "endpoint"),
                () -> assertEquals(fields[2], m.relation(), "relation"),
                () -> assertClose(Double.parseDouble(fields[3]), m.value(), "value"),
                () -> assertEquals(fields[4], m.unit(), "unit"),
                () -> assertEquals(text(fields[5]), m.species(), "species as reported"),
                () -> assertEquals(text(fields[6]), m.route(), "route as reported"),
                () -> assertEquals(text(fields[7]), m.exposure(), "exposure as reported"),
                () -> assertEquals(text(fields[8]), ToxicityVocabulary.species(m.species()).orElse(null), "species"),
                () -> assertEquals(text(fields[9]), ToxicityVocabulary.route(m.route()).orElse(null), "route"),
                () -> assertClose(number(fields[10]), ToxicityVocabulary.exposureHours(m.exposure()).orElse(null),
                        "exposure hours"),
                normalization(normalized, fields[12], fields[13]));
    }

    private static Executable normalization(ToxicityUnits.Normalized normalized, String value, String unit) {
        if (unit.startsWith(REFUSED)) {
            String reason = unit.substring(REFUSED.length());
            return () -> assertAll(
                    () -> assertNull(normalized.value(), "normalized value"),
                    () -> assertNull(normalized.unit(), "normalized unit"),
                    () -> assertTrue(normalized.reason() != null && normalized.reason().contains(reason),
                            "refusal '" + normalized.reason() + "' should contain '" + reason + "'"));
        }
        return () -> assertAll(
                () -> assertClose(Double.parseDouble(value), normalized.value(), "normalized value (" + normalized + ")"),
                () -> assertEquals(unit, normalized.unit(), "normalized unit"));
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(expected, actual, Math.abs(expected) * 1e-9, what);
    }

    private static String text(String field) {
        return field.equals(NONE) ? null : field;
    }

    private static Double number(String field) {
        return field.equals(NONE) ? null : Double.valueOf(field);
    }

    private static List<String[]> lines() throws IOException {
        try (InputStream in = ToxicityCorpusTest.class.getResourceAsStream("/toxicity/corpus.tsv")) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return content.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .map(fields -> fields[1].equals("UNPARSED") ? fields : Arrays.copyOf(fields, 14))
                    .toList();
        }
    }
}
