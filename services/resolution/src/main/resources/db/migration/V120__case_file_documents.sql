-- Documents officials attached to progress notes, extension requests and answers (ADR 0009), from
-- CaseFileDocumentsAttachedEvent; and the enterprise of each appeal (from AppealFiledEvent), so that an enterprise may
-- download the documents meant for it and another enterprise gets 404. Both are read models, rebuilt by a replay of
-- resolution-case-files: appeals filed before this version get their enterprise on that replay.

CREATE TABLE case_file_document (
  document_id           UUID         NOT NULL PRIMARY KEY,
  appeal_id             UUID         NOT NULL,
  attached_to           VARCHAR(32)  NOT NULL,
  step_id               UUID,
  visible_to_enterprise BOOLEAN      NOT NULL,
  official_id           VARCHAR(255) NOT NULL,
  name                  VARCHAR(255) NOT NULL,
  media_type            VARCHAR(255) NOT NULL,
  size_bytes            BIGINT       NOT NULL,
  sha256                CHAR(64)     NOT NULL,
  attached_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_file_document_appeal_idx ON case_file_document (appeal_id, attached_at);

CREATE TABLE appeal_enterprise (
  appeal_id     UUID        NOT NULL PRIMARY KEY,
  enterprise_id VARCHAR(64) NOT NULL
);
