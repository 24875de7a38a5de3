-- The monthly freeze's schedule, kept in the database: the first month whose ranking is still to be frozen. Every
-- instance, at 00:00 on the 1st (Asia/Shanghai), at start and every minute, freezes each month from it up to last
-- month (as of that month's end) and moves it on; a month that ended while every instance was down is frozen at the
-- next start, once the read models have caught up. It starts at the month before this migration ran.
CREATE TABLE ranking_freeze_schedule (
  id         SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
  next_month CHAR(7)  NOT NULL
);
INSERT INTO ranking_freeze_schedule (id, next_month)
  VALUES (1, to_char((now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month', 'YYYY-MM'));
