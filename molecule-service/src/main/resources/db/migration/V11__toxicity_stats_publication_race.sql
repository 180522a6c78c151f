-- Found by ToxicityAttackTest: V10's copy of is_public went stale when a measurement's statement and an
-- unpublish ran at once. The measurement's refresh wrote its statistics rows with the is_public its
-- snapshot saw (true); the unpublish, not seeing those uncommitted rows, updated only the old ones
-- (which the refresh had deleted) and committed. The molecule was private, its statistics readable by
-- everyone, anonymous callers included.
-- Publishing now recomputes the molecule's statistics through refresh_toxicity_stats, which first locks
-- the molecule's counts row (inserting it if need be): it waits for a concurrent writer's commit, and its
-- later statements see that writer's rows; a writer coming after waits for the publication's commit and
-- then reads the new is_public. Writers of a molecule and its publication take turns.
create or replace function chem_private.toxicity_stats_follow_publication() returns trigger
    language plpgsql security definer
    set search_path = ''
as $$
begin
    perform chem_private.refresh_toxicity_stats(array[new.id]);
    return null;
end
$$;
