package org.cryoprotect.simulator.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.cryoprotect.simulator.SimulatorConfig;

/**
 * Draws the faults of each request from the current {@link FaultSettings}. Lock-free; the settings
 * are swapped as a whole by {@link #update(FaultSettings)}.
 */
@ApplicationScoped
public class FaultInjector {

    private volatile Active active;

    public FaultInjector(SimulatorConfig config, ObjectMapper mapper) {
        FaultSettings initial = new FaultSettings();
        if (config.faults().initial().isPresent() && !config.faults().initial().get().isBlank()) {
            String value = config.faults().initial().get().trim();
            try {
                String json = value.startsWith("@") ? Files.readString(Path.of(value.substring(1))) : value;
                initial = mapper.readValue(json, FaultSettings.class);
            } catch (IOException e) {
                throw new UncheckedIOException("simulator.faults.initial is not valid fault JSON", e);
            }
            String error = initial.validate();
            if (error != null) {
                throw new IllegalArgumentException("simulator.faults.initial: " + error);
            }
        }
        this.active = new Active(initial);
    }

    public FaultSettings settings() {
        return active.settings;
    }

    public void update(FaultSettings settings) {
        this.active = new Active(settings);
    }

    /** Burst requests still to be hit, by fault. */
    public java.util.Map<String, Integer> burstsLeft() {
        Active a = active;
        java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("error", a.errorBurst.get());
        m.put("html_503", a.html503Burst.get());
        m.put("timeout", a.timeoutBurst.get());
        m.put("truncated_json", a.truncatedBurst.get());
        m.put("malformed_json", a.malformedBurst.get());
        m.put("omit_throttling_header", a.omitHeaderBurst.get());
        m.put("throttle_html", a.throttleHtmlBurst.get());
        return m;
    }

    public FaultPlan plan(Upstream upstream) {
        Active a = active;
        if (!a.targets.contains(upstream.key)) {
            return FaultPlan.NONE;
        }
        FaultSettings s = a.settings;
        long latency = s.latency.ms + (s.latency.jitterMs > 0 ? (long) (a.random.nextDouble() * s.latency.jitterMs) : 0);
        boolean timeout = a.hit(s.timeout, a.timeoutBurst);
        boolean error = !timeout && a.hit(s.error, a.errorBurst);
        boolean html = !timeout && !error && a.hit(s.html503, a.html503Burst);
        boolean clean = !timeout && !error && !html;
        boolean truncate = clean && a.hit(s.truncatedJson, a.truncatedBurst);
        boolean malformed = clean && !truncate && a.hit(s.malformedJson, a.malformedBurst);
        boolean omit = upstream == Upstream.PUBCHEM && a.hit(s.omitThrottlingHeader, a.omitHeaderBurst);
        boolean throttleHtml = upstream == Upstream.PUBCHEM && a.hit(s.throttleHtml, a.throttleHtmlBurst);
        return new FaultPlan(latency, timeout, s.timeout.holdMs, error, s.error.status, s.error.html, html, truncate,
                malformed, omit, throttleHtml);
    }

    /** Whether this CID is to be treated as unknown. */
    public boolean unknownCid(long cid) {
        Active a = active;
        if (!a.targets.contains(Upstream.PUBCHEM.key)) {
            return false;
        }
        return a.unknownCids.contains(cid) || (a.settings.unknownIds.probability > 0
                && a.random.nextDouble() < a.settings.unknownIds.probability);
    }

    /** Whether this ChEMBL id is to be treated as unknown. */
    public boolean unknownChemblId(String id) {
        Active a = active;
        if (!a.targets.contains(Upstream.CHEMBL.key)) {
            return false;
        }
        return a.unknownChembl.contains(id.toUpperCase(Locale.ROOT)) || (a.settings.unknownIds.probability > 0
                && a.random.nextDouble() < a.settings.unknownIds.probability);
    }

    /** Whether a property (PubChem name or ChEMBL field) is to be left out of one row. */
    public boolean missing(Upstream upstream, String property) {
        Active a = active;
        if (!a.targets.contains(upstream.key)) {
            return false;
        }
        return a.missing.contains(property.toLowerCase(Locale.ROOT)) || (a.settings.missingProperties.probability > 0
                && a.random.nextDouble() < a.settings.missingProperties.probability);
    }

    public String legacySmiles() {
        return active.settings.legacySmiles;
    }

    private static final class Active {
        final FaultSettings settings;
        final Set<String> targets;
        final Set<Long> unknownCids;
        final Set<String> unknownChembl = new HashSet<>();
        final Set<String> missing = new HashSet<>();
        final Random random;
        final AtomicInteger errorBurst;
        final AtomicInteger html503Burst;
        final AtomicInteger timeoutBurst;
        final AtomicInteger truncatedBurst;
        final AtomicInteger malformedBurst;
        final AtomicInteger omitHeaderBurst;
        final AtomicInteger throttleHtmlBurst;

        Active(FaultSettings s) {
            this.settings = s;
            this.targets = Set.copyOf(s.targets);
            this.unknownCids = Set.copyOf(s.unknownIds.cids);
            s.unknownIds.chemblIds.forEach(id -> unknownChembl.add(id.toUpperCase(Locale.ROOT)));
            s.missingProperties.names.forEach(n -> missing.add(n.toLowerCase(Locale.ROOT)));
            this.random = s.seed == null ? new Random() : new Random(s.seed);
            this.errorBurst = new AtomicInteger(s.error.burst);
            this.html503Burst = new AtomicInteger(s.html503.burst);
            this.timeoutBurst = new AtomicInteger(s.timeout.burst);
            this.truncatedBurst = new AtomicInteger(s.truncatedJson.burst);
            this.malformedBurst = new AtomicInteger(s.malformedJson.burst);
            this.omitHeaderBurst = new AtomicInteger(s.omitThrottlingHeader.burst);
            this.throttleHtmlBurst = new AtomicInteger(s.throttleHtml.burst);
        }

        boolean hit(FaultSettings.Chance chance, AtomicInteger burst) {
            if (burst.get() > 0 && burst.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return true;
            }
            return chance.probability > 0 && random.nextDouble() < chance.probability;
        }
    }
}
