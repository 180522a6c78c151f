package org.cryoprotect.molecule.model;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One record of an imported file: created, existing (the public entry or the caller's own) or rejected with why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(int index, int line, UUID id, String status, String error) {
}
