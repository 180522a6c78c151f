-- Measured (deploy/bench/run-molecule-bench.sh, issue 14): a team member's molecule list cost about
-- twice the service role's on the same SQL. Every synonym and property row in the page's JSON asked
-- its read policy, which looked the molecule up again under the molecule's own policy: 13 lookups per
-- listed molecule, although nearly every listed molecule is public.
--
-- 1. Synonym and property rows carry their molecule's is_public. The database keeps it right by
--    itself: the foreign key on (molecule_id, molecule_public) refuses a row that disagrees with its
--    molecule, and ON UPDATE CASCADE follows publishing and unpublishing (referential actions bypass
--    row security). The check replaces the old key's, so writes pay nothing more. Rows of public
--    molecules pass the read policy without a lookup; the others are checked as before.
create unique index molecules_id_public_key on chem.molecules (id, is_public);

alter table chem.molecule_synonyms add column molecule_public boolean not null default false;
alter table chem.molecule_properties add column molecule_public boolean not null default false;

-- The owner reads through a policy of its own (V4) and has none for updates: lift the forcing for the fill.
alter table chem.molecule_synonyms no force row level security;
alter table chem.molecule_properties no force row level security;
update chem.molecule_synonyms s set molecule_public = true from chem.molecules m where m.id = s.molecule_id and m.is_public;
update chem.molecule_properties p set molecule_public = true from chem.molecules m where m.id = p.molecule_id and m.is_public;
alter table chem.molecule_synonyms force row level security;
alter table chem.molecule_properties force row level security;

alter table chem.molecule_synonyms
    drop constraint molecule_synonyms_molecule_id_fkey,
    add constraint molecule_synonyms_molecule_fkey foreign key (molecule_id, molecule_public)
        references chem.molecules (id, is_public) on delete cascade on update cascade;
alter table chem.molecule_properties
    drop constraint molecule_properties_molecule_id_fkey,
    add constraint molecule_properties_molecule_fkey foreign key (molecule_id, molecule_public)
        references chem.molecules (id, is_public) on delete cascade on update cascade;

alter policy read_with_molecule on chem.molecule_synonyms
    using (molecule_public or exists (select 1 from chem.molecules m where m.id = molecule_id));
alter policy read_with_molecule on chem.molecule_properties
    using (molecule_public or exists (select 1 from chem.molecules m where m.id = molecule_id));

-- 2. q= searched names and synonyms through their trigram indexes in 75-89 ms, of which the GIN
--    pending lists (4 MB each by default: about 10k rows that every search reads one by one until a
--    vacuum merges them) took most after a bulk import. Small pending lists keep the fast inserts and
--    bound what a search reads.
alter index chem.molecules_name_trgm_idx set (gin_pending_list_limit = 128);
alter index chem.molecule_synonyms_trgm_idx set (gin_pending_list_limit = 128);
select gin_clean_pending_list('chem.molecules_name_trgm_idx'::regclass), gin_clean_pending_list('chem.molecule_synonyms_trgm_idx'::regclass);
