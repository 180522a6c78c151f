package org.cryoprotect.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The 413's detail names the limit as configured (the HTTP behaviour is tested in each service). */
class BodyTooLargeHandlerTest {

    @Test
    void theLimitIsNamedAsAPersonWroteIt() {
        assertEquals("10 MiB (10485760 bytes)", BodyTooLargeHandler.describe(10L << 20));
        assertEquals("512 KiB (524288 bytes)", BodyTooLargeHandler.describe(512 * 1024));
        assertEquals("1000 bytes", BodyTooLargeHandler.describe(1000));
    }

    @Test
    void theConfiguredSizeIsReadLikeQuarkusReadsIt() {
        assertEquals("The request body is larger than the limit of 16 KiB (16384 bytes)",
                new BodyTooLargeHandler("16K").detail());
        assertEquals("The request body is larger than the limit of 10 MiB (10485760 bytes)",
                new BodyTooLargeHandler("10240K").detail());
    }
}
