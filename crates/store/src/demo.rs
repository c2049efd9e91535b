// SPDX-License-Identifier: EUPL-1.2
//! The demo dataset: the synthetic gemeente Voorbeeldstad (crate
//! `buig-synth`: spells, budgets, monthly realisation and inhabitants that
//! agree with each other) and the real budget decisions quoted in the seed
//! documents (Deventer 2023–2024; Bedum, De Marne, Winsum, Eemsmond
//! 2014–2018), and eight fictional peers "Voorbeeld-…" (spells and
//! inhabitants only) so the comparison has groups to show. Loaded by
//! `buig demo`, each part as one import recorded in the history; a database
//! that has Voorbeeldstad already is left alone.

use buig_core::records::Budgetbeschikking;
use buig_core::GemeenteCode;
use buig_import::{Pseudonimiseerder, Record, RowError, Soort};

use crate::import::{ImportFout, ImportResultaat};
use crate::{Store, StoreError};

/// Version tag of the generated demo data: bump it when the generator changes,
/// so an existing database gets the new data instead of "unchanged".
const DEMO_VERSIE: &str = "demo-voorbeeldstad-1";

/// Whether a gemeente is one the demo invented (Voorbeeldstad or a fictional peer), and the peers.
pub use buig_synth::{is_fictief, BUREN};

impl Store {
    /// The seed documents' yearly shortfalls (`data/seed_jaarcijfers.csv`), with their source.
    async fn laad_seed_jaarcijfers(&self) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        for seed in buig_referentie::seed_jaarcijfers() {
            let r = &seed.cijfer;
            sqlx::query(
                "INSERT INTO jaarcijfers (gemeente, jaar, stadium, lasten_cent, budget_cent, tekort_cent, tekort_percentage, status, bron, opmerking)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (gemeente, jaar, stadium) DO NOTHING",
            )
            .bind(seed.code.to_string())
            .bind(i64::from(r.jaar.get()))
            .bind(r.stadium.code())
            .bind(r.lasten.map(|m| m.cents()))
            .bind(r.budget.map(|m| m.cents()))
            .bind(r.tekort.map(|m| m.cents()))
            .bind(r.tekort_percentage.map(|p| p.to_string()))
            .bind(r.status.clone())
            .bind(r.bron.clone())
            .bind(r.opmerking.clone())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Is Voorbeeldstad's data present?
    pub async fn heeft_demo(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM uitkeringen WHERE gemeente = $1")
            .bind(buig_synth::VOORBEELDSTAD)
            .fetch_one(self.pool())
            .await?;
        Ok(n > 0)
    }

    /// Loads the demo dataset; returns one result per part, or nothing when
    /// Voorbeeldstad is already there (loading twice changes nothing).
    pub async fn laad_demo(&self) -> Result<Vec<ImportResultaat>, ImportFout> {
        if self.heeft_demo().await? {
            return Ok(Vec::new());
        }
        let demo = buig_synth::voorbeeldstad();
        let code: GemeenteCode = demo.gemeente;
        sqlx::query(
            "INSERT INTO gemeenten (code, naam, geldig_van, geldig_tot, opgegaan_in, opheffingsdatum, bron)
             VALUES ($1, $2, 2015, NULL, NULL, NULL, $3) ON CONFLICT (code) DO NOTHING",
        )
        .bind(code.to_string())
        .bind(demo.naam.to_string())
        .bind("fictieve demogemeente (buig-synth); geen echte CBS-code")
        .execute(self.pool())
        .await?;

        let key = self.pseudoniem_sleutel().await?;
        let pseudo = Pseudonimiseerder::new(&key);
        let label = |deel: &str| format!("demo: {} ({deel})", demo.naam);
        let sha = |deel: &str| format!("{DEMO_VERSIE}-{deel}");
        let mut out = Vec::new();
        let ok = |r: Record| Ok::<Record, RowError>(r);

        let uitkeringen = demo.uitkeringen.iter().map(|s| ok(Record::Uitkering(s.als_uitkering(pseudo.pseudoniem(&s.client_id)))));
        out.push(self.importeer_rijen(Soort::Uitkeringen, label("uitkeringen"), &sha("uitkeringen"), uitkeringen, 1, &mut |_| {}).await?);
        let budget = demo.budgetten.iter().cloned().map(Record::Budget).map(ok);
        out.push(self.importeer_rijen(Soort::Budget, label("budget"), &sha("budget"), budget, 1, &mut |_| {}).await?);
        let real = demo.realisatie.iter().cloned().map(Record::Realisatie).map(ok);
        out.push(self.importeer_rijen(Soort::Realisatie, label("realisatie"), &sha("realisatie"), real, 1, &mut |_| {}).await?);
        let inw = demo.inwoners.iter().cloned().map(Record::Inwoners).map(ok);
        out.push(self.importeer_rijen(Soort::Inwoners, label("inwoners"), &sha("inwoners"), inw, 1, &mut |_| {}).await?);

        // The seed documents' real budget decisions, with their source.
        let seeds = buig_referentie::seed_budgetten().iter().map(|b| {
            ok(Record::Budget(Budgetbeschikking {
                gemeente: b.code,
                jaar: b.jaar,
                soort: b.soort,
                datum: None,
                bedrag: b.bedrag,
                blks: None,
                macrobudget: None,
                aandeel: b.aandeel,
            }))
        });
        out.push(
            self.importeer_rijen(Soort::Budget, "demo: budgetten uit de brondocumenten".into(), &sha("seedbudget"), seeds, 1, &mut |_| {})
                .await?,
        );
        // The fictional peers, so the comparison page has a national and a size-class line.
        let buren = buig_synth::buren();
        for b in &buren {
            sqlx::query(
                "INSERT INTO gemeenten (code, naam, geldig_van, geldig_tot, opgegaan_in, opheffingsdatum, bron)
                 VALUES ($1, $2, 2015, NULL, NULL, NULL, $3) ON CONFLICT (code) DO NOTHING",
            )
            .bind(b.gemeente.to_string())
            .bind(b.naam.to_string())
            .bind("fictieve vergelijkingsgemeente van de demo (buig-synth); geen echte CBS-code")
            .execute(self.pool())
            .await?;
        }
        let label = |deel: &str| format!("demo: fictieve vergelijkingsgemeenten ({deel})");
        let uitkeringen = buren
            .iter()
            .flat_map(|b| b.uitkeringen.iter())
            .map(|s| ok(Record::Uitkering(s.als_uitkering(pseudo.pseudoniem(&s.client_id)))));
        out.push(
            self.importeer_rijen(Soort::Uitkeringen, label("uitkeringen"), &sha("buren-uitkeringen"), uitkeringen, 1, &mut |_| {}).await?,
        );
        let inw = buren.iter().flat_map(|b| b.inwoners.iter().cloned()).map(Record::Inwoners).map(ok);
        out.push(self.importeer_rijen(Soort::Inwoners, label("inwoners"), &sha("buren-inwoners"), inw, 1, &mut |_| {}).await?);
        self.laad_seed_jaarcijfers().await?;
        self.laad_seed_verleend().await?;
        Ok(out)
    }
}
