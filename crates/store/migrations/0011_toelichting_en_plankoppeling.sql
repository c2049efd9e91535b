-- The council's own words per vangnet year (issue "A real gemeente", point 3):
-- the causes (vraag A), the measures taken and the additional measures for
-- an aanhoudend tekort. Every change is a new version; the highest is current.
CREATE TABLE vangnet_toelichting (
    gemeente                 TEXT NOT NULL,
    jaar                     BIGINT NOT NULL,
    versie                   BIGINT NOT NULL,
    oorzaken                 TEXT NOT NULL,
    maatregelen              TEXT NOT NULL,
    aanvullende_maatregelen  TEXT NOT NULL,
    gewijzigd                TEXT NOT NULL,
    door                     TEXT,
    PRIMARY KEY (gemeente, jaar, versie)
);

-- The vangnet years a plan supports, as "2022,2023"; NULL = not linked.
ALTER TABLE aanvalsplannen ADD COLUMN vangnet_jaren TEXT;
