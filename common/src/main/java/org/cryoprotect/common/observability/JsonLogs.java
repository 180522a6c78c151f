package org.cryoprotect.common.observability;

import java.util.logging.Handler;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import io.quarkus.runtime.StartupEvent;

/**
 * Switches the console to JSON lines when {@code cryo.log.json} is true (the production profile).
 * quarkus-logging-json would do this from configuration, but its 3.34.2 deployment artifact is not
 * published; the few lines logged before start-up completes stay plain text.
 */
@ApplicationScoped
public class JsonLogs {

    private final boolean json;
    private final String service;

    public JsonLogs(@ConfigProperty(name = "cryo.log.json", defaultValue = "false") boolean json,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.json = json;
        this.service = service;
    }

    void switchConsole(@Observes @Priority(1) StartupEvent event) {
        if (json) {
            for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
                useJson(handler);
            }
        }
    }

    private void useJson(Handler handler) {
        if (handler instanceof ConsoleHandler) {
            handler.setFormatter(new JsonLogFormatter(service));
        }
        if (handler instanceof ExtHandler parent) {
            for (Handler child : parent.getHandlers()) {
                useJson(child);
            }
        }
    }
}
