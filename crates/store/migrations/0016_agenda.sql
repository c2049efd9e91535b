-- The agenda (issue "Beyond the anchors", point 5): the council dates a
-- gemeente enters, and the tokens of its calendar feed (stored as their
-- SHA-256, each for one user and gemeente; the user's role is checked on
-- every read).
CREATE TABLE agenda (
    id           BIGINT NOT NULL,
    gemeente     TEXT NOT NULL,
    datum        TEXT NOT NULL,
    omschrijving TEXT NOT NULL,
    door         TEXT,
    gemaakt      TEXT NOT NULL,
    PRIMARY KEY (gemeente, id)
);

CREATE TABLE agenda_tokens (
    token_sha256 TEXT PRIMARY KEY,
    gebruiker_id BIGINT NOT NULL,
    gemeente     TEXT NOT NULL,
    aangemaakt   TEXT NOT NULL
);
