-- The people who sign in. One role each (cn.qinqing.language.Role); enterprise users belong to one enterprise
-- (its Unified Social Credit Code), officials to one department; a leader may head a department.
CREATE TABLE users (
    username      varchar(100) NOT NULL,
    password_hash varchar(200) NOT NULL,
    role          varchar(20)  NOT NULL,
    enterprise_id varchar(18)  DEFAULT NULL,
    department_id varchar(100) DEFAULT NULL,
    display_name  varchar(200) NOT NULL,
    enabled       boolean      DEFAULT TRUE NOT NULL,
    created_at    timestamptz  DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (username),
    CONSTRAINT users_role_known
        CHECK (role IN ('ENTERPRISE', 'DISPATCHER', 'OFFICIAL', 'LEADER', 'SUPERVISOR', 'ADMIN')),
    CONSTRAINT users_enterprise_iff_enterprise_role
        CHECK ((role = 'ENTERPRISE') = (enterprise_id IS NOT NULL)),
    CONSTRAINT users_official_has_department
        CHECK (role <> 'OFFICIAL' OR department_id IS NOT NULL),
    CONSTRAINT users_department_only_for_officials_and_leaders
        CHECK (department_id IS NULL OR role IN ('OFFICIAL', 'LEADER')),
    -- hashes carry their encoder's id ({bcrypt}, {argon2}...), never a plain password
    CONSTRAINT users_password_is_encoded
        CHECK (password_hash LIKE '{%}%')
);

CREATE INDEX users_enterprise ON users (enterprise_id) WHERE enterprise_id IS NOT NULL;
