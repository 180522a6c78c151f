package org.cryoprotect.importer.service;

import java.util.List;

import org.cryoprotect.importer.repository.ChunkRepository.Done;
import org.cryoprotect.importer.repository.ChunkRepository.Failed;

/** A chunk's ids so far: done (with what was written for them) or failed (with why). */
record ChunkOutcome(List<Done> done, List<Failed> failed) {
}
