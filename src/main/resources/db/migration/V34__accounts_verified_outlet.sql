-- The one definition of a journalist's "verified outlet": a confirmed journalist account whose latest outlet check
-- of some kind and subject passed (an e-mail address at a confirmed domain of a registered outlet, or an admin's
-- confirmation). Pages read it for a whole page of accounts in the statement that reads the accounts.
create view account_verified_outlet as
select a.id as account_id
from account a
where a.role = 'JOURNALIST' and a.email_verified_at is not null
  and exists (
      select 1 from (
          select distinct on (v.kind, v.subject) v.passed
          from verification_check v
          where v.account_id = a.id and v.kind in ('OUTLET_EMAIL_DOMAIN', 'OUTLET_CONFIRMED')
          order by v.kind, v.subject, v.checked_at desc, v.id desc) latest
      where latest.passed);
