package org.cryoprotect.simulator.faults;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The faults to inject: the body of {@code POST /admin/faults} (missing fields take their defaults, so
 * {@code {}} clears every fault). A fault with a {@code burst} hits the next {@code burst} requests of
 * the targeted upstreams, then keeps hitting each request with its {@code probability}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class FaultSettings {

    /** Which upstreams the faults apply to: pubchem, chembl. */
    public List<String> targets = new ArrayList<>(List.of("pubchem", "chembl"));

    /** Extra latency of every response (counts as PubChem server time). */
    public Latency latency = new Latency();

    /** 5xx answers: PubChem 500 PUGREST.ServerError / 503 ServerBusy / 504 Timeout, ChEMBL error_message. */
    public Error error = new Error();

    /** 503 with an HTML page from a "load balancer" (no Retry-After, no X-Throttling-Control). */
    @JsonProperty("html_503")
    public Chance html503 = new Chance();

    /** The request is held for hold_ms (longer than a client's timeout), then answered 504. */
    public Timeout timeout = new Timeout();

    /** A 200 JSON body cut off half way. */
    public Chance truncatedJson = new Chance();

    /** A 200 JSON body with a syntax error. */
    public Chance malformedJson = new Chance();

    /** CIDs (and ChEMBL ids) that do not exist: listed ones always, others with the probability. */
    public UnknownIds unknownIds = new UnknownIds();

    /** Properties left out of PubChem rows (and nulled in ChEMBL molecule_properties). */
    public MissingProperties missingProperties = new MissingProperties();

    /**
     * How PubChem treats the legacy names CanonicalSMILES and IsomericSMILES: {@code alias} (accepted,
     * answered under the 2025 keys ConnectivitySMILES and SMILES: PubChem since late 2025),
     * {@code reject} (400 "Invalid property": July 2025) or {@code legacy} (answered under the
     * requested names: before 2025).
     */
    public String legacySmiles = "alias";

    /** Leave X-Throttling-Control out of PubChem responses (PubChem sometimes does). */
    public Chance omitThrottlingHeader = new Chance();

    /** Policy rejections (503 ServerBusy) come with an HTML body instead of the JSON fault. */
    public Chance throttleHtml = new Chance();

    /** Seed of the fault dice; null: a fresh random sequence. */
    public Long seed;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class Chance {
        public double probability;
        public int burst;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class Latency {
        public long ms;
        public long jitterMs;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class Error extends Chance {
        /** 500, 502, 503 or 504. */
        public int status = 500;
        /** The error comes as an HTML page instead of the upstream's JSON. */
        public boolean html;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class Timeout extends Chance {
        public long holdMs = 60_000;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class UnknownIds {
        public double probability;
        public List<Long> cids = new ArrayList<>();
        public List<String> chemblIds = new ArrayList<>();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class MissingProperties {
        /** PubChem property names (e.g. XLogP) or ChEMBL molecule_properties fields (e.g. alogp). */
        public List<String> names = new ArrayList<>();
        /** Each other property of each row is left out with this probability. */
        public double probability;
    }

    /** Rejects values the injector cannot use; returns an explanation or null. */
    public String validate() {
        for (String t : targets) {
            if (!"pubchem".equals(t) && !"chembl".equals(t)) {
                return "targets may contain pubchem and chembl, not " + t;
            }
        }
        if (!"alias".equals(legacySmiles) && !"reject".equals(legacySmiles) && !"legacy".equals(legacySmiles)) {
            return "legacy_smiles must be alias, reject or legacy";
        }
        if (error.status != 500 && error.status != 502 && error.status != 503 && error.status != 504) {
            return "error.status must be 500, 502, 503 or 504";
        }
        if (latency.ms < 0 || latency.jitterMs < 0 || timeout.holdMs < 0) {
            return "durations must not be negative";
        }
        for (Chance c : List.of(error, html503, timeout, truncatedJson, malformedJson, omitThrottlingHeader, throttleHtml)) {
            if (c.probability < 0 || c.probability > 1 || c.burst < 0) {
                return "probabilities must be within [0, 1] and bursts not negative";
            }
        }
        if (unknownIds.probability < 0 || unknownIds.probability > 1 || missingProperties.probability < 0
                || missingProperties.probability > 1) {
            return "probabilities must be within [0, 1]";
        }
        return null;
    }
}
