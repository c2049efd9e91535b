-- User accounts, roles per gemeente, sessions, API tokens and the audit log.
-- TEXT and BIGINT only, like every migration. Passwords are stored only as an
-- argon2id PHC string; session and API tokens only as the SHA-256 (hex) of
-- the token, so a copy of the database lets nobody log in. Ids are assigned
-- as MAX(id) + 1 by the store. Deleting a user deletes its roles, sessions
-- and tokens in the same transaction (the store does it; SQLite does not
-- enforce foreign keys by default).
CREATE TABLE gebruikers (
    id             BIGINT PRIMARY KEY,
    naam           TEXT NOT NULL UNIQUE,      -- lowercase, [a-z0-9._@-], 1-64 characters
    wachtwoord     TEXT NOT NULL,             -- argon2id PHC string
    aangemaakt     TEXT NOT NULL              -- UTC, RFC 3339
);

-- One role per user and gemeente: lezer < bewerker < beheerder.
CREATE TABLE gebruiker_rollen (
    gebruiker_id BIGINT NOT NULL,
    gemeente     TEXT NOT NULL,
    rol          TEXT NOT NULL,
    PRIMARY KEY (gebruiker_id, gemeente)
);

CREATE TABLE sessies (
    token_sha256 TEXT PRIMARY KEY,
    gebruiker_id BIGINT NOT NULL,
    csrf         TEXT NOT NULL,
    verloopt     BIGINT NOT NULL,             -- unix seconds
    aangemaakt   TEXT NOT NULL
);
CREATE INDEX sessies_gebruiker ON sessies (gebruiker_id);

CREATE TABLE api_tokens (
    token_sha256 TEXT PRIMARY KEY,
    gebruiker_id BIGINT NOT NULL,
    omschrijving TEXT NOT NULL,
    aangemaakt   TEXT NOT NULL
);
CREATE INDEX api_tokens_gebruiker ON api_tokens (gebruiker_id);

-- Who did what, newest = highest id. gebruiker NULL = the command line.
CREATE TABLE auditlog (
    id        BIGINT PRIMARY KEY,
    tijd      TEXT NOT NULL,                  -- UTC, RFC 3339
    gebruiker TEXT,
    actie     TEXT NOT NULL,                  -- e.g. gebruiker.toevoegen
    gemeente  TEXT,
    details   TEXT NOT NULL
);
CREATE INDEX auditlog_gemeente ON auditlog (gemeente, id);
