package org.cryoprotect.molecule.model;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ToxicityBatchRequest(@NotEmpty @Size(max = 1000) List<@NotNull ToxicityBatchItem> measurements) {
}
