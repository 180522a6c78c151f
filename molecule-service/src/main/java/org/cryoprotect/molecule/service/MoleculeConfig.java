package org.cryoprotect.molecule.service;

import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cryo.molecule")
public interface MoleculeConfig {

    /** Page size when a request names none. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest page a request may ask for. */
    @WithDefault("500")
    int maxPageSize();

    /** How often the public summary is refreshed in any case (a scheduler interval such as 5m). */
    @WithDefault("5m")
    String summaryRefreshEvery();

    /**
     * Whether searches and the public registry read from the {@code replica} datasource (a
     * CloudNativePG {@code -ro} service). Reads that must see the caller's own writes stay on the primary.
     */
    @WithDefault("false")
    boolean replicaReads();

    /**
     * How long shared caches and browsers may reuse the depiction of a public molecule without asking
     * again (Cache-Control: public, max-age). An unpublished molecule's drawing may stay in a shared
     * cache that long. Private molecules' are "private, no-cache": the browser revalidates each time.
     */
    @WithDefault("10m")
    Duration depictionMaxAge();

    /** How long after a batch write the public summary is refreshed, so bursts of batches cost one refresh. */
    @WithDefault("2s")
    Duration summaryRefreshDebounce();

    /** The structure backfill ({@code cryo.molecule.backfill.*}): parent keys and fingerprints of rows that lack them. */
    Backfill backfill();

    interface Backfill {

        /** Whether it runs at start (and then every {@link #every()}). */
        @WithDefault("true")
        boolean enabled();

        /** Rows read, computed and written per transaction. */
        @WithDefault("200")
        int batchSize();

        /** Rows computed at once on the chemistry workers; half of their threads when unset. */
        OptionalInt parallelism();

        /**
         * How often it looks again after the start ("off" for never): rows written by a replica still running
         * the previous version during a rolling update arrive without fingerprints.
         */
        @WithDefault("10m")
        String every();
    }
}
