-- One counter that every change of the directory's versioned tables (department, leader, enterprise_liaison,
-- calendar_year) raises in the same transaction, and a reset too: a read compares it with the one its in-memory copy
-- of the latest directory was read at, instead of reading the four tables again (every timeline, overdue and KPI read
-- needs the directory). A counter, not max(global_index): a version committed late can carry a lower index.
CREATE TABLE directory_version (
  singleton BOOLEAN NOT NULL PRIMARY KEY DEFAULT true CHECK (singleton),
  version   BIGINT  NOT NULL
);
INSERT INTO directory_version (singleton, version) VALUES (true, 0);
