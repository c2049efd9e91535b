-- The login limiter's counters, shared by every instance of the web app on
-- this database (issue 20). One row per key of an attempt: the user name
-- and the client address, each kept only as the SHA-256 (hex) of
-- "naam:…" / "adres:…", so the table holds no name or address. An attempt
-- is a row from the moment it starts (attempts in flight count); a right
-- password takes its rows back. Rows older than the limiter's window are
-- cleared by the next attempt. Times are unix milliseconds.
-- (0010-0012 are taken by other branches: numbers may leave a gap.)
CREATE TABLE inlogpogingen (
    poging   BIGINT NOT NULL,                 -- random id of one attempt
    sleutel  TEXT NOT NULL,                   -- SHA-256 (hex) of the key
    tijd     BIGINT NOT NULL,                 -- unix milliseconds
    PRIMARY KEY (poging, sleutel)
);
CREATE INDEX inlogpogingen_sleutel ON inlogpogingen (sleutel, tijd);
CREATE INDEX inlogpogingen_tijd ON inlogpogingen (tijd);
