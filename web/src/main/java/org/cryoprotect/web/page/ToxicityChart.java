package org.cryoprotect.web.page;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.cryoprotect.web.model.Toxicity;

/**
 * Toxicity values as a server-side SVG strip chart: one row per endpoint, species and route, each
 * measurement a dot at its normalized value on a log axis, one chart per normalized unit (doses in
 * mg/kg and concentrations in µM do not share an axis). No chart library and no script.
 */
public final class ToxicityChart {

    /** One chart: its unit and the SVG markup (text escaped here). */
    public record Chart(String unit, String svg) {
    }

    private static final int LABEL = 250;
    private static final int PLOT = 430;
    private static final int ROW = 24;
    private static final int TOP = 10;
    private static final int AXIS = 34;

    private ToxicityChart() {
    }

    public static List<Chart> of(List<Toxicity> measurements) {
        Map<String, Map<String, List<Double>>> byUnit = new TreeMap<>();
        for (Toxicity t : measurements) {
            if (t.normalizedValue() == null || t.normalizedValue() <= 0 || t.normalizedUnit() == null) {
                continue;
            }
            String group = String.join(" · ", Objects.toString(t.endpoint(), "?"), Objects.toString(t.speciesShown(), "any species"),
                    Objects.toString(t.routeShown(), "any route"));
            byUnit.computeIfAbsent(t.normalizedUnit(), u -> new TreeMap<>()).computeIfAbsent(group, g -> new ArrayList<>())
                    .add(t.normalizedValue());
        }
        List<Chart> charts = new ArrayList<>();
        byUnit.forEach((unit, groups) -> charts.add(new Chart(unit, svg(unit, groups))));
        return charts;
    }

    private static String svg(String unit, Map<String, List<Double>> groups) {
        double min = groups.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = groups.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(10);
        int low = (int) Math.floor(Math.log10(min));
        int high = Math.max(low + 1, (int) Math.ceil(Math.log10(max)));
        int width = LABEL + PLOT + 20;
        int height = TOP + groups.size() * ROW + AXIS;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"100%\" style=\"max-width:").append(width).append("px\" aria-label=\"")
                .append(escape("Toxicity values in " + unit + " on a log scale, by endpoint, species and route")).append("\">");
        svg.append("<style>text{font:12px system-ui,sans-serif;fill:#1b1f24}.grid{stroke:#d0d7de}.dot{fill:#0b5cad;fill-opacity:.75}</style>");
        int plotBottom = TOP + groups.size() * ROW;
        for (int decade = low; decade <= high; decade++) {
            double x = x(decade, low, high);
            svg.append("<line class=\"grid\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(plotBottom).append("\"/>");
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(plotBottom + 16).append("\" text-anchor=\"middle\">")
                    .append(escape(decadeLabel(decade))).append("</text>");
        }
        svg.append("<text x=\"").append(LABEL + PLOT / 2).append("\" y=\"").append(plotBottom + 30)
                .append("\" text-anchor=\"middle\">").append(escape(unit + " (log scale)")).append("</text>");
        int row = 0;
        for (Map.Entry<String, List<Double>> group : groups.entrySet()) {
            int y = TOP + row * ROW + ROW / 2;
            svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">")
                    .append(escape(group.getKey())).append("</text>");
            for (double value : group.getValue()) {
                svg.append("<circle class=\"dot\" r=\"5\" cx=\"").append(fmt(x(Math.log10(value), low, high))).append("\" cy=\"")
                        .append(y).append("\"><title>").append(escape(group.getKey() + ": " + number(value) + " " + unit))
                        .append("</title></circle>");
            }
            row++;
        }
        return svg.append("</svg>").toString();
    }

    private static double x(double log, int low, int high) {
        return LABEL + (log - low) / (high - low) * PLOT;
    }

    private static String decadeLabel(int decade) {
        return decade >= -3 && decade <= 6 ? new BigDecimal(Math.pow(10, decade)).round(MathContext.DECIMAL32).stripTrailingZeros()
                .toPlainString() : "1e" + decade;
    }

    static String number(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
