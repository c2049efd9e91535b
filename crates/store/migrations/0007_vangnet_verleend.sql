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
