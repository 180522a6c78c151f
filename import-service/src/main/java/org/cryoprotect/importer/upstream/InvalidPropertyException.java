package org.cryoprotect.importer.upstream;

import org.cryoprotect.importer.remote.RemoteRefusedException;

/** PubChem refused a property name: the 2025 SMILES renames in one direction or the other. */
class InvalidPropertyException extends RemoteRefusedException {

    InvalidPropertyException(String message) {
        super(message);
    }
}
