// SPDX-License-Identifier: EUPL-1.2
//! The rows of one import on their way in: each record is counted for its
//! gemeente and period; a spell goes on to be staged (`staging`), a row of
//! the other kinds becomes a row of its table, kept until the import is
//! written in one short transaction: the rows it overwrites are saved in
//! the table's `_vorig` twin (for `buig herstel`), then the rows upserted.

use std::collections::{BTreeMap, HashSet};

use buig_core::records::{Budgetbeschikking, Gebied, Inwoners, RealisatieMaand, Uitkering, Vergelijkingswaarde};
use buig_core::GemeenteCode;
use buig_import::{Record, Soort};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::bulk::{insert_many, insert_many_with, Val};
use crate::StoreError;

/// Accumulates the rows of one import.
pub(super) struct Writer {
    pub(super) soort: Soort,
    pub(super) id: i64,
    /// Rows of the kinds other than spells.
    pub(super) rows: Vec<Vec<Val>>,
    /// Rows per gemeente.
    pub(super) gemeenten: BTreeMap<GemeenteCode, u64>,
    pub(super) periode: Option<(String, String)>,
    pub(super) count: u64,
    /// The file's SHA-256 (known once the file has been read).
    pub(super) sha: String,
}

/// A table of a kind other than spells: its columns (the key first) and the upsert's update.
pub(super) struct Tabel {
    pub(super) naam: &'static str,
    pub(super) kolommen: &'static [(&'static str, Soortwaarde)],
    pub(super) sleutel: usize,
    /// The column that scopes the rows of a file: its values are read back before the upsert.
    pub(super) bereik: &'static str,
    bijwerken: &'static str,
}

/// The type of a column, to read a stored row back as the [`Val`]s it was written with.
#[derive(Clone, Copy)]
pub(super) enum Soortwaarde {
    Tekst,
    OptTekst,
    Getal,
    OptGetal,
}
use Soortwaarde::{Getal, OptGetal, OptTekst, Tekst};

pub(super) fn tabel(soort: Soort) -> Option<Tabel> {
    Some(match soort {
        Soort::Uitkeringen => return None,
        Soort::Budget => Tabel {
            naam: "budgetbeschikkingen",
            kolommen: &[
                ("gemeente", Tekst),
                ("jaar", Getal),
                ("soort", Tekst),
                ("datum", OptTekst),
                ("bedrag_cent", Getal),
                ("blks_cent", OptGetal),
                ("macrobudget_cent", OptGetal),
                ("aandeel", OptTekst),
                ("bron", Tekst),
                ("import_id", OptGetal),
            ],
            sleutel: 3,
            bereik: "gemeente",
            bijwerken: " ON CONFLICT (gemeente, jaar, soort) DO UPDATE SET datum = excluded.datum, bedrag_cent = excluded.bedrag_cent, \
                 blks_cent = excluded.blks_cent, macrobudget_cent = excluded.macrobudget_cent, aandeel = excluded.aandeel, \
                 bron = excluded.bron, import_id = excluded.import_id",
        },
        Soort::Realisatie => Tabel {
            naam: "realisatie",
            kolommen: &[
                ("gemeente", Tekst),
                ("jaar", Getal),
                ("maand", Getal),
                ("lasten_cent", Getal),
                ("baten_cent", Getal),
                ("lks_cent", OptGetal),
                ("import_id", OptGetal),
            ],
            sleutel: 3,
            bereik: "gemeente",
            bijwerken: " ON CONFLICT (gemeente, jaar, maand) DO UPDATE SET lasten_cent = excluded.lasten_cent, \
                 baten_cent = excluded.baten_cent, lks_cent = excluded.lks_cent, import_id = excluded.import_id",
        },
        Soort::Inwoners => Tabel {
            naam: "inwoners",
            kolommen: &[("gemeente", Tekst), ("jaar", Getal), ("aantal", Getal), ("bron", Tekst), ("import_id", OptGetal)],
            sleutel: 2,
            bereik: "gemeente",
            bijwerken:
                " ON CONFLICT (gemeente, jaar) DO UPDATE SET aantal = excluded.aantal, bron = excluded.bron, import_id = excluded.import_id",
        },
        Soort::Vergelijking => Tabel {
            naam: "vergelijkreeksen",
            kolommen: &[("reeks", Tekst), ("gebied", Tekst), ("periode", Tekst), ("waarde", Getal), ("import_id", Getal)],
            sleutel: 3,
            bereik: "reeks",
            bijwerken: " ON CONFLICT (reeks, gebied, periode) DO UPDATE SET waarde = excluded.waarde, import_id = excluded.import_id",
        },
    })
}

impl Tabel {
    pub(super) fn namen(&self) -> Vec<&'static str> {
        self.kolommen.iter().map(|(k, _)| *k).collect()
    }

    /// A stored row as [`Val`]s, `vanaf` the column of the query that holds the first.
    pub(super) fn rij(&self, r: &AnyRow, vanaf: usize) -> Vec<Val> {
        self.kolommen
            .iter()
            .enumerate()
            .map(|(i, (_, s))| match s {
                Tekst => Val::Text(r.get(vanaf + i)),
                OptTekst => Val::OptText(r.get(vanaf + i)),
                Getal => Val::Int(r.get(vanaf + i)),
                OptGetal => Val::OptInt(r.get(vanaf + i)),
            })
            .collect()
    }
}

impl Writer {
    pub(super) fn new(soort: Soort, id: i64) -> Writer {
        Writer { soort, id, rows: Vec::new(), gemeenten: BTreeMap::new(), periode: None, count: 0, sha: String::new() }
    }

    fn note_periode(&mut self, p: String) {
        self.periode = Some(match self.periode.take() {
            None => (p.clone(), p),
            Some((lo, hi)) => (lo.min(p.clone()), hi.max(p)),
        });
    }

    fn note_gemeente(&mut self, g: GemeenteCode) {
        *self.gemeenten.entry(g).or_default() += 1;
    }

    /// Counts a record; a spell is handed back to be staged, the other kinds are kept as rows.
    pub(super) fn push(&mut self, r: Record) -> Option<Uitkering> {
        self.count += 1;
        let id = self.id;
        let row = match r {
            Record::Uitkering(u) => {
                self.note_gemeente(u.gemeente);
                return Some(u);
            }
            Record::Budget(b) => {
                let Budgetbeschikking { gemeente, jaar, soort, datum, bedrag, blks, macrobudget, aandeel } = b;
                self.note_gemeente(gemeente);
                self.note_periode(jaar.to_string());
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Text(soort.code().to_string()),
                    Val::OptText(datum.map(|d| d.to_string())),
                    Val::Int(bedrag.cents()),
                    Val::OptInt(blks.map(|m| m.cents())),
                    Val::OptInt(macrobudget.map(|m| m.cents())),
                    Val::OptText(aandeel.map(|a| a.normalize().to_string())),
                    Val::Text(format!("import {id}")),
                    Val::OptInt(Some(id)),
                ]
            }
            Record::Realisatie(r) => {
                let RealisatieMaand { gemeente, jaar, maand, lasten, baten, lks } = r;
                self.note_gemeente(gemeente);
                self.note_periode(format!("{jaar}-{maand:02}"));
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Int(maand.into()),
                    Val::Int(lasten.cents()),
                    Val::Int(baten.cents()),
                    Val::OptInt(lks.map(|m| m.cents())),
                    Val::OptInt(Some(id)),
                ]
            }
            Record::Vergelijking(v) => {
                let Vergelijkingswaarde { reeks, gebied, periode, waarde } = v;
                if let Gebied::Gemeente(g) = gebied {
                    self.note_gemeente(g);
                }
                self.note_periode(periode.clone());
                vec![Val::Text(reeks), Val::Text(gebied.to_string()), Val::Text(periode), Val::Int(waarde as i64), Val::Int(id)]
            }
            Record::Inwoners(i) => {
                let Inwoners { gemeente, jaar, aantal } = i;
                self.note_gemeente(gemeente);
                self.note_periode(jaar.to_string());
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Int(aantal as i64),
                    Val::Text(format!("import {id}")),
                    Val::OptInt(Some(id)),
                ]
            }
        };
        self.rows.push(row);
        None
    }

    /// Writes the rows of a kind other than spells inside `tx`: first the
    /// stored rows they overwrite go to the `_vorig` table (kept for
    /// `buig herstel`), then the rows are upserted.
    pub(super) async fn schrijf(&mut self, tx: &mut Transaction<'static, Any>) -> Result<(), StoreError> {
        let Some(t) = tabel(self.soort) else { return Ok(()) };
        let rows = dedup_last(std::mem::take(&mut self.rows), t.sleutel);
        let sleutel = |r: &[Val]| format!("{:?}", &r[..t.sleutel]);
        let nieuw: HashSet<String> = rows.iter().map(|r| sleutel(r)).collect();
        let bereik: Vec<String> = rows
            .iter()
            .filter_map(|r| match &r[0] {
                Val::Text(s) => Some(s.clone()),
                _ => None,
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let namen = t.namen();
        let mut vorig = Vec::new();
        for deel in bereik.chunks(500) {
            let plekken: Vec<String> = (1..=deel.len()).map(|i| format!("${i}")).collect();
            let sql = format!("SELECT {} FROM {} WHERE {} IN ({})", namen.join(", "), t.naam, t.bereik, plekken.join(", "));
            let mut q = sqlx::query(&sql);
            for b in deel {
                q = q.bind(b.clone());
            }
            for r in q.fetch_all(&mut **tx).await? {
                let rij = t.rij(&r, 0);
                if nieuw.contains(&sleutel(&rij)) {
                    let mut v = vec![Val::Int(self.id)];
                    v.extend(rij);
                    vorig.push(v);
                }
            }
        }
        let mut vorig_namen = vec!["vervangen_door"];
        vorig_namen.extend(&namen);
        insert_many(tx, &format!("{}_vorig", t.naam), &vorig_namen, vorig).await?;
        insert_many_with(tx, t.naam, &namen, rows, t.bijwerken).await
    }
}

/// Within one statement a key may appear once (PostgreSQL refuses an upsert
/// touching the same row twice): the last row of a key wins, as it would
/// row by row. A file never has a key twice (the importer refuses it); rows
/// handed in by the program (the demo) might.
fn dedup_last(rows: Vec<Vec<Val>>, key_len: usize) -> Vec<Vec<Val>> {
    let key = |r: &Vec<Val>| format!("{:?}", &r[..key_len]);
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Vec<Val>> = rows.into_iter().rev().filter(|r| seen.insert(key(r))).collect();
    out.reverse();
    out
}
