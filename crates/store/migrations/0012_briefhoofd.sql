-- The letterhead of a gemeente's documents (issue "A real gemeente", point 4):
-- set once, used in every council document. Empty text = not set.
CREATE TABLE briefhoofden (
    gemeente           TEXT PRIMARY KEY,
    afdeling           TEXT NOT NULL,
    auteur             TEXT NOT NULL,
    notanummer         TEXT NOT NULL,
    portefeuillehouder TEXT NOT NULL,
    gewijzigd          TEXT NOT NULL
);
