-- What anonymous visitors browse: public molecules with their headline properties, precomputed.
create materialized view chem.public_molecules_summary as
select m.id, m.name, m.formula, m.inchikey, m.pubchem_cid, m.chembl_id,
       max(p.value) filter (where p.name = 'molecular_weight') as molecular_weight,
       max(p.value) filter (where p.name = 'xlogp')            as xlogp,
       max(p.value) filter (where p.name = 'tpsa')             as tpsa,
       m.updated_at
from chem.molecules m
left join chem.molecule_properties p on p.molecule_id = m.id
where m.is_public
group by m.id;

-- Required by REFRESH ... CONCURRENTLY, and the keyset order of GET /api/public/molecules.
create unique index public_molecules_summary_id_uq on chem.public_molecules_summary (id);
create index public_molecules_summary_name_idx on chem.public_molecules_summary (name, id);

grant select on chem.public_molecules_summary to cryo_anon, cryo_authenticated, cryo_service;

-- Only the view's owner may refresh it; the service role calls this instead.
create function chem_private.refresh_public_molecules_summary() returns void
    language sql security definer
    set search_path = ''
as $$ refresh materialized view concurrently chem.public_molecules_summary $$;
revoke all on function chem_private.refresh_public_molecules_summary() from public;
grant execute on function chem_private.refresh_public_molecules_summary() to cryo_service;
