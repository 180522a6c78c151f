-- Measured with deploy/bench/run-toxicity-bench.sh: a team member's ranking cost 3.8x the service
-- role's on the same SQL. Each private molecule the member cannot see that a query meets asks
-- chem_private.shared_molecule, a SECURITY DEFINER SQL function: PostgreSQL plans such a function's
-- query anew in every statement that calls it (V5 measured about 1 ms for the membership helpers).
-- The same check in PL/pgSQL keeps its plan per pooled connection. Same query, same answers.
create or replace function chem_private.shared_molecule(p_molecule_id uuid, p_right text) returns boolean
    language plpgsql stable security definer
    set search_path = ''
as $$
begin
    return exists (
        select 1 from chem.project_molecules pm
        join chem.projects p on p.id = pm.project_id
        join chem.team_members tm on tm.team_id = p.team_id
        where pm.molecule_id = p_molecule_id
          and tm.user_id = chem_private.uid()
          and pm.grants <> 'reference'
          and case p_right when 'manage' then tm.role = 'owner'
                           when 'change' then tm.role in ('owner', 'editor')
                           else true end);
end
$$;
