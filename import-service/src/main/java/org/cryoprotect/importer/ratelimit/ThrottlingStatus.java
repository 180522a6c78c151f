package org.cryoprotect.importer.ratelimit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PubChem's {@code X-Throttling-Control} header: three colour-coded indicators and an optional
 * tail such as "too many requests per second or blacklisted" or "Remaining blocking time: 0:3:59".
 */
public record ThrottlingStatus(Colour requestCount, Colour requestTime, Colour service, Optional<String> tail) {

    public enum Colour {
        GREEN, YELLOW, RED, BLACK
    }

    public static final ThrottlingStatus UNKNOWN = new ThrottlingStatus(Colour.GREEN, Colour.GREEN, Colour.GREEN,
            Optional.empty());

    private static final Pattern INDICATOR = Pattern.compile(
            "(Request Count|Request Time|Service) status:\\s*(Green|Yellow|Red|Black)\\s*\\(\\s*\\d+%\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCKING_TIME = Pattern.compile("Remaining blocking time:\\s*(\\d+):(\\d+):(\\d+)",
            Pattern.CASE_INSENSITIVE);

    /** Parses leniently: the header is sometimes absent, and its tail is free text. */
    public static ThrottlingStatus parse(String header) {
        if (header == null || header.isBlank()) {
            return UNKNOWN;
        }
        Colour count = Colour.GREEN;
        Colour time = Colour.GREEN;
        Colour service = Colour.GREEN;
        Matcher matcher = INDICATOR.matcher(header);
        int end = 0;
        while (matcher.find()) {
            Colour colour = Colour.valueOf(matcher.group(2).toUpperCase(java.util.Locale.ROOT));
            switch (matcher.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "request count" -> count = colour;
                case "request time" -> time = colour;
                default -> service = colour;
            }
            end = matcher.end();
        }
        String rest = header.substring(end).replaceFirst("^[\\s,]+", "").trim();
        return new ThrottlingStatus(count, time, service, rest.isEmpty() ? Optional.empty() : Optional.of(rest));
    }

    /** The client is being refused: over the limit, or on PubChem's block list. */
    public boolean blocked() {
        return requestCount == Colour.BLACK || requestTime == Colour.BLACK
                || tail.map(t -> t.toLowerCase(java.util.Locale.ROOT).contains("blacklisted")
                        || BLOCKING_TIME.matcher(t).find()).orElse(false);
    }

    /** Seconds PubChem says the block still lasts, when it says so. */
    public Optional<Long> remainingBlockSeconds() {
        return tail.map(BLOCKING_TIME::matcher).filter(Matcher::find)
                .map(m -> Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3)));
    }
}
