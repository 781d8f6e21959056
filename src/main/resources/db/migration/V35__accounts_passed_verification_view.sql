-- The checks that stand for each account (the latest of each kind and subject, where it passed), as in
-- accounts.Verifications.passed, for other modules' set-based SQL (e.g. the inbox's "verified experts only" filter).
-- Written without grouping, so a condition on account_id reaches the verification_check index.
create view passed_verification_check as
select v.account_id, v.kind, v.subject, v.checked_at
from verification_check v
where v.passed
  and not exists (select 1 from verification_check n
                  where n.account_id = v.account_id and n.kind = v.kind and n.subject = v.subject
                    and (n.checked_at, n.id) > (v.checked_at, v.id));
