package org.cryoprotect.simulator.data;

import jakarta.enterprise.context.ApplicationScoped;

/** Runs the generation of the compounds on its own daemon thread, so it never delays start or shutdown. */
@ApplicationScoped
public class GenerationRunner {

    public void start(Runnable generation) {
        Thread t = new Thread(generation, "simulator-generation");
        t.setDaemon(true);
        t.start();
    }
}
