-- GET /api/molecules (no filters): the transaction molecule-service runs (RlsTransactions.read +
-- MoleculeRepository.search), statement for statement. Variables (pgbench -D): role, sub, claims, limit.
-- Like the service, BEGIN and the set_config select are pipelined: one round trip before the query.
\startpipeline
begin read only;
select set_config('role', :role, true), set_config('request.jwt.claim.sub', :sub, true), set_config('request.jwt.claims', :claims, true);
\endpipeline
select m.name, m.id, json_build_object('id', m.id, 'name', m.name, 'formula', m.formula, 'smiles', m.smiles,
'canonical_smiles', m.canonical_smiles, 'inchi', m.inchi, 'inchikey', m.inchikey,
'pubchem_cid', m.pubchem_cid, 'chembl_id', m.chembl_id, 'is_public', m.is_public, 'created_by', m.created_by,
'synonyms', coalesce((select json_agg(s.synonym order by s.synonym) from chem.molecule_synonyms s
where s.molecule_id = m.id), '[]'),
'properties', coalesce((select json_object_agg(p.name, json_build_object('value', p.value, 'unit', p.unit,
'source', p.source)) from chem.molecule_properties p where p.molecule_id = m.id), '{}'),
'created_at', m.created_at,
'updated_at', m.updated_at)::text as json
from chem.molecules m where true order by m.name, m.id limit :limit;
commit;
