package org.cryoprotect.simulator.faults;

/** The simulated upstream services. */
public enum Upstream {
    PUBCHEM("pubchem"), CHEMBL("chembl");

    public final String key;

    Upstream(String key) {
        this.key = key;
    }
}
