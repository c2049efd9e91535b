// SPDX-License-Identifier: EUPL-1.2
//! The rows of one import on their way in: each record becomes a row of
//! its kind's table, noting the gemeenten and the period it covers, and is
//! written in batches, an upsert where the kind has a key.

use std::collections::BTreeSet;

use buig_core::records::{Budgetbeschikking, Gebied, Inwoners, RealisatieMaand, Uitkering, Vergelijkingswaarde};
use buig_core::GemeenteCode;
use buig_import::{Record, Soort};
use sqlx::{Any, Transaction};

use super::bulk::{insert_many, insert_many_with, Val};
use crate::StoreError;

/// Accumulates rows of one kind and writes them in batches.
pub(super) struct Writer {
    pub(super) soort: Soort,
    pub(super) id: i64,
    pub(super) rows: Vec<Vec<Val>>,
    pub(super) gemeenten: BTreeSet<GemeenteCode>,
    pub(super) periode: Option<(String, String)>,
    pub(super) count: u64,
}

impl Writer {
    fn note_periode(&mut self, p: String) {
        self.periode = Some(match self.periode.take() {
            None => (p.clone(), p),
            Some((lo, hi)) => (lo.min(p.clone()), hi.max(p)),
        });
    }

    pub(super) fn push(&mut self, r: Record) {
        self.count += 1;
        let id = self.id;
        let row = match r {
            Record::Uitkering(u) => {
                let Uitkering { gemeente, client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden } = u;
                self.gemeenten.insert(gemeente);
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Text(client.0),
                    Val::Text(regeling.code().to_string()),
                    Val::Text(startdatum.to_string()),
                    Val::OptText(einddatum.map(|d| d.to_string())),
                    Val::OptText(reden_einde),
                    Val::OptText(geboortedatum.map(|d| d.to_string())),
                    Val::OptText(huishouden),
                    Val::Int(id),
                ]
            }
            Record::Budget(b) => {
                let Budgetbeschikking { gemeente, jaar, soort, datum, bedrag, blks, macrobudget, aandeel } = b;
                self.gemeenten.insert(gemeente);
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
                    Val::Int(id),
                ]
            }
            Record::Realisatie(r) => {
                let RealisatieMaand { gemeente, jaar, maand, lasten, baten, lks } = r;
                self.gemeenten.insert(gemeente);
                self.note_periode(format!("{jaar}-{maand:02}"));
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Int(maand.into()),
                    Val::Int(lasten.cents()),
                    Val::Int(baten.cents()),
                    Val::OptInt(lks.map(|m| m.cents())),
                    Val::Int(id),
                ]
            }
            Record::Vergelijking(v) => {
                let Vergelijkingswaarde { reeks, gebied, periode, waarde } = v;
                if let Gebied::Gemeente(g) = gebied {
                    self.gemeenten.insert(g);
                }
                self.note_periode(periode.clone());
                vec![Val::Text(reeks), Val::Text(gebied.to_string()), Val::Text(periode), Val::Int(waarde as i64), Val::Int(id)]
            }
            Record::Inwoners(i) => {
                let Inwoners { gemeente, jaar, aantal } = i;
                self.gemeenten.insert(gemeente);
                self.note_periode(jaar.to_string());
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Int(aantal as i64),
                    Val::Text(format!("import {id}")),
                    Val::Int(id),
                ]
            }
        };
        self.rows.push(row);
    }

    pub(super) async fn flush(&mut self, tx: &mut Transaction<'static, Any>) -> Result<(), StoreError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        match self.soort {
            Soort::Uitkeringen => {
                insert_many(
                    tx,
                    "uitkeringen",
                    &["gemeente", "client", "regeling", "startdatum", "einddatum", "reden_einde", "geboortedatum", "huishouden", "import_id"],
                    rows,
                )
                .await
            }
            Soort::Budget => {
                insert_many_with(
                    tx,
                    "budgetbeschikkingen",
                    &["gemeente", "jaar", "soort", "datum", "bedrag_cent", "blks_cent", "macrobudget_cent", "aandeel", "bron", "import_id"],
                    dedup_last(rows, 3),
                    " ON CONFLICT (gemeente, jaar, soort) DO UPDATE SET datum = excluded.datum, bedrag_cent = excluded.bedrag_cent, \
                     blks_cent = excluded.blks_cent, macrobudget_cent = excluded.macrobudget_cent, aandeel = excluded.aandeel, \
                     bron = excluded.bron, import_id = excluded.import_id",
                )
                .await
            }
            Soort::Realisatie => {
                insert_many_with(
                    tx,
                    "realisatie",
                    &["gemeente", "jaar", "maand", "lasten_cent", "baten_cent", "lks_cent", "import_id"],
                    dedup_last(rows, 3),
                    " ON CONFLICT (gemeente, jaar, maand) DO UPDATE SET lasten_cent = excluded.lasten_cent, \
                     baten_cent = excluded.baten_cent, lks_cent = excluded.lks_cent, import_id = excluded.import_id",
                )
                .await
            }
            Soort::Inwoners => {
                insert_many_with(
                    tx,
                    "inwoners",
                    &["gemeente", "jaar", "aantal", "bron", "import_id"],
                    dedup_last(rows, 2),
                    " ON CONFLICT (gemeente, jaar) DO UPDATE SET aantal = excluded.aantal, bron = excluded.bron, import_id = excluded.import_id",
                )
                .await
            }
            Soort::Vergelijking => {
                insert_many_with(
                    tx,
                    "vergelijkreeksen",
                    &["reeks", "gebied", "periode", "waarde", "import_id"],
                    dedup_last(rows, 3),
                    " ON CONFLICT (reeks, gebied, periode) DO UPDATE SET waarde = excluded.waarde, import_id = excluded.import_id",
                )
                .await
            }
        }
    }
}

/// Within one statement a key may appear once (PostgreSQL refuses an upsert
/// touching the same row twice): the last row of a key wins, as it would
/// row by row.
fn dedup_last(rows: Vec<Vec<Val>>, key_len: usize) -> Vec<Vec<Val>> {
    let key = |r: &Vec<Val>| format!("{:?}", &r[..key_len]);
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Vec<Val>> = rows.into_iter().rev().filter(|r| seen.insert(key(r))).collect();
    out.reverse();
    out
}
