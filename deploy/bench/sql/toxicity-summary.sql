-- GET /api/toxicity/summary?molecule_id=<id>: the transaction molecule-service runs
-- (RlsTransactions.read + ToxicityRepository.summary with ToxicityStatsJson's fragments), statement for
-- statement. Variables (pgbench -D): role, sub, claims, timeout, molecule.
\startpipeline
begin read only;
select set_config('role', :role, true), set_config('request.jwt.claim.sub', :sub, true), set_config('request.jwt.claims', :claims, true), set_config('statement_timeout', :timeout, true);
\endpipeline
select m.id, coalesce((select c.measurements from chem.toxicity_counts c where c.molecule_id = m.id), 0) as measurements,
coalesce((select c.unparsed from chem.toxicity_counts c where c.molecule_id = m.id), 0) as unparsed,
coalesce((select json_agg(json_build_object('endpoint', g.endpoint, 'species', g.species, 'route', g.route,
'unit', g.unit, 'count', g.n, 'min', g.min, 'median', g.median, 'max', g.max) order by g.ord)
from (select s.*, row_number() over (order by s.endpoint, s.species nulls first, s.route nulls first, s.unit) as ord from chem.toxicity_stats s
where s.molecule_id = m.id and s.species is distinct from '*' and s.route is distinct from '*'
order by s.endpoint, s.species nulls first, s.route nulls first, s.unit ) g), '[]')::text as groups from chem.molecules m where m.id = :molecule;
commit;
