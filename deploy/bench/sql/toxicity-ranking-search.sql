-- GET /api/toxicity/ranking?endpoint=LD50&species=rat&route=oral&q=<text>: as toxicity-ranking.sql,
-- with the molecule filter of GET /api/molecules?q= (MoleculeRepository.filters) in front. Variables:
-- role, sub, claims, timeout, pattern (the service's ILIKE pattern), endpoint, species, route, unit, limit.
\startpipeline
begin read only;
select set_config('role', :role, true), set_config('request.jwt.claim.sub', :sub, true), set_config('request.jwt.claims', :claims, true), set_config('statement_timeout', :timeout, true);
\endpipeline
select m.id, s.median as value, json_build_object('molecule_id', m.id, 'name', m.name, 'formula', m.formula, 'value', s.median, 'unit', s.unit, 'count', s.n, 'min', s.min, 'median', s.median, 'max', s.max)::text as json from chem.toxicity_stats s join chem.molecules m on m.id = s.molecule_id where true and (m.id in (select chem_private.molecule_ids_matching(:pattern))) and (s.endpoint = :endpoint) and (s.species = :species) and (s.route = :route) and (s.unit = :unit) order by s.median desc, s.molecule_id desc limit :limit;
commit;
