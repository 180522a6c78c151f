package org.cryoprotect.simulator.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Holds the generation until the test releases it, so the state before it is observable. */
@Alternative
@ApplicationScoped
public class HeldGenerationRunner extends GenerationRunner {

    private volatile Runnable held;

    @Override
    public void start(Runnable generation) {
        held = generation;
    }

    /** Starts the held generation as production does: on its own thread. */
    public void release() {
        super.start(held);
    }
}
