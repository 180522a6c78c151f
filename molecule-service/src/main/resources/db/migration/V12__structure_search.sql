-- Structure search and standardized identity (issue 12, docs/DESIGN.md section 5).
--   parent_inchikey  InChIKey of the parent structure (largest organic fragment, neutralized, stereo kept):
--                    "is this salt form already registered" is an exact match on it.
--   similarity_fp    ECFP4 (CDK CircularFingerprinter) of the parent, 1024 bits, for Tanimoto searches;
--   similarity_bits  its popcount, for the BitBound pre-filter (a Tanimoto >= t needs t*q <= bits <= q/t);
--   screen_fp        path fingerprint of the whole structure as registered: a substructure query's bits
--                    are a subset of every match's bits, so (screen_fp & q) = q screens candidates in SQL.
-- All four are computed by molecule-service with CDK from the structure (on create, batch upsert and by
-- the startup backfill, which fills rows where similarity_fp is null); they are null until then.
-- Adding nullable columns and constraints that hold for null rewrites nothing, so this runs at once on a
-- large registry.
alter table chem.molecules
    add column parent_inchikey text
        constraint molecules_parent_inchikey_format check (parent_inchikey ~ '^[A-Z]{14}-[A-Z]{10}-[A-Z]$'),
    add column similarity_fp bit(1024),
    add column similarity_bits smallint,
    add column screen_fp bit(1024),
    -- the popcount is a copy for the index: it can never disagree with the fingerprint it counts
    add constraint molecules_similarity_bits_counted
        check ((similarity_fp is null) = (similarity_bits is null) and similarity_bits = bit_count(similarity_fp));

create index molecules_parent_inchikey_idx on chem.molecules (parent_inchikey);
create index molecules_similarity_bits_idx on chem.molecules (similarity_bits);
-- What the backfill still has to do; empty (and tiny) once it has run.
create index molecules_unfingerprinted_idx on chem.molecules (id) where similarity_fp is null;

-- Which structure a property value describes: single-molecule descriptors (XLogP, TPSA, H-bond
-- counts, rotatable bonds) of a salt or mixture are computed on its parent.
alter table chem.molecule_properties
    add column describes text not null default 'molecule'
        constraint molecule_properties_describes_known check (describes in ('molecule', 'parent'));

-- Grants stay V8's model: users insert whole rows through the API, which computes every structure
-- column from the SMILES, and may update only name, is_public and updated_at (V8 revoked the rest and
-- grants no column added here), so a user never rewrites a structure, a parent key or a fingerprint.
-- Properties are the users' to correct (V2's grants); a value they set describes the molecule.
