package org.cryoprotect.common.db;

/** No pooled connection became free within cryo.db.pool.acquisition-timeout. */
public class PoolAcquisitionTimeout extends RuntimeException {

    public PoolAcquisitionTimeout() {
        super("Timed out waiting for a pooled database connection", null, false, false);
    }
}
