-- One reminder a day per person of the follow-ups due that day or overdue: the day it was made, so
-- that it is made once however often, and on however many instances, the reminder job looks.
create table task_reminder (
    user_id bigint not null references app_user (id) on delete cascade,
    day     date   not null,
    primary key (user_id, day)
);
