-- Per gemeente and shortfall year: was a vangnetuitkering granted (verleend)?
-- Decides condition e (aanhoudend tekort) of later years when the user does
-- not say it with --verleend. One row per known year; an absent year is
-- unknown, never "no". verleend is 1 or 0; the amount may be unknown.
CREATE TABLE vangnet_verleend (
    gemeente    TEXT NOT NULL,
    jaar        BIGINT NOT NULL,
    verleend    BIGINT NOT NULL,
    bedrag_cent BIGINT,
    status      TEXT NOT NULL,
    bron        TEXT NOT NULL,
    PRIMARY KEY (gemeente, jaar)
);

-- Changes outside imports (granted years, a user's yearly figures) bump this
-- counter, which is part of the data version: a running server then drops
-- the cached views of the old figures.
CREATE TABLE data_teller (
    id     BIGINT PRIMARY KEY,
    teller BIGINT NOT NULL
);
INSERT INTO data_teller (id, teller) VALUES (1, 0);
