package org.cryoprotect.molecule.chem;

/**
 * What a structure is for search: its own InChIKey, its parent's (largest organic fragment, neutralized,
 * stereo kept), the ECFP4 similarity fingerprint of the parent and the substructure screen of the whole
 * structure as registered.
 */
public record StructureIdentity(String inchikey, String parentInchikey, Fingerprint similarity, Fingerprint screen) {
}
