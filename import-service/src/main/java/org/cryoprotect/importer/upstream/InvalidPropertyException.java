package org.cryoprotect.importer.upstream;

/** PubChem refused a property name: the 2025 SMILES renames in one direction or the other. */
public class InvalidPropertyException extends UpstreamRejectedException {

    public InvalidPropertyException(String message) {
        super(message);
    }
}
