-- What a KPI read made of an appeal's events up to a head (kpi/KeptFoldQueries, ADR 0007): the units it counts and
-- the units it has overdue, good while the head, the basis (the rules' code and the working calendar's versions) and the
-- instants [valid_from, valid_until) hold (microseconds since the epoch; the bigint's ends when unbounded). A read
-- decodes and folds only the appeals whose row does not hold; the rest come from here, whichever instance made them.
-- UNLOGGED: it says nothing the events do not, so it is not worth a write-ahead log. A crash empties it and a standby
-- has none of it; the next read on the primary makes it again.
CREATE UNLOGGED TABLE kpi_fold (
    appeal_id   uuid PRIMARY KEY,
    last_index  bigint  NOT NULL,
    events      integer NOT NULL,
    basis       text    NOT NULL,
    valid_from  bigint  NOT NULL,
    valid_until bigint  NOT NULL,
    units       bytea,
    overdue     bytea
);
