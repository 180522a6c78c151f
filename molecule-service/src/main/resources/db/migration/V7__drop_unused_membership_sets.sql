-- Since V6 every policy asks about one row (in_member_project, mixture_in_member_project); the
-- set-returning helpers they used are no longer called. Dropping them fails if anything still does.
drop function chem_private.team_molecule_ids(text);
drop function chem_private.team_mixture_ids(text);
