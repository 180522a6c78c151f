-- GET /api/toxicity/ranking?endpoint=LD50&species=rat&route=oral[&q=<text>]: the transaction
-- molecule-service runs (RlsTransactions.read + ToxicityRankingRepository.rank), statement for
-- statement. Variables (pgbench -D): role, sub, claims, timeout, endpoint, species, route, unit, limit.
-- Like the service, BEGIN and the set_config select are pipelined: one round trip before the query.
\startpipeline
begin read only;
select set_config('role', :role, true), set_config('request.jwt.claim.sub', :sub, true), set_config('request.jwt.claims', :claims, true), set_config('statement_timeout', :timeout, true);
\endpipeline
select m.id, s.median as value, json_build_object('molecule_id', m.id, 'name', m.name, 'formula', m.formula, 'value', s.median, 'unit', s.unit, 'count', s.n, 'min', s.min, 'median', s.median, 'max', s.max)::text as json from chem.toxicity_stats s join chem.molecules m on m.id = s.molecule_id where true and (s.endpoint = :endpoint) and (s.species = :species) and (s.route = :route) and (s.unit = :unit) order by s.median desc, s.molecule_id desc limit :limit;
commit;
