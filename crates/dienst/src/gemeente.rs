// SPDX-License-Identifier: EUPL-1.2
//! A gemeente's stored figures, as every answer starts from them: budgets,
//! realisation, yearly figures and granted vangnet years ([`Gegevens`]), the
//! benefit spells and the inhabitants — read once ([`laad`]).

use std::collections::BTreeMap;

use buig_bestand::Maand;
use buig_core::records::{Briefhoofd, BudgetSoort, Budgetbeschikking, Toelichting, Uitkering};
use buig_core::{GemeenteCode, Year};
use buig_prognose::Gegevens;
use buig_store::Store;
use jiff::civil::Date;

use crate::Fout;

/// A gemeente's budgets, realisation and yearly figures from the store, as
/// the engines take them.
///
/// `verleend` (the complete list of years a vangnetuitkering was granted)
/// as the user states it wins; without it the recorded years count per year
/// (the seed data, or what a user recorded): condition e of a year is
/// settled when a year of its window was granted or every year of it is
/// recorded as not granted ([`Gegevens::verleend_voor`]).
pub async fn laad_gegevens(store: &Store, code: GemeenteCode, verleend: Option<Vec<i32>>) -> Result<Gegevens, Fout> {
    let Some(g) = store.gemeente(code).await? else {
        return Err(Fout::NietGevonden);
    };
    let verleend_per_jaar = store.verleend(code).await?.into_iter().map(|v| (v.jaar.get(), v.verleend)).collect();
    Ok(Gegevens {
        gemeente: Some(code),
        naam: Some(g.naam),
        budgetten: store.budgetten(code).await?,
        realisatie: store.realisatie(code).await?,
        jaarcijfers: store.jaarcijfers(code).await?,
        vangnet_verleend: verleend,
        verleend_per_jaar,
        rapportages: store.rapportages(code).await?,
    })
}

/// Everything stored about one gemeente that the answers start from.
#[derive(Debug, Clone)]
pub struct Gemeente {
    pub code: GemeenteCode,
    pub naam: String,
    pub gegevens: Gegevens,
    /// The benefit spells (uitkeringen).
    pub uitkeringen: Vec<Uitkering>,
    /// Inhabitants on 1 January per year.
    pub inwoners: BTreeMap<i32, u64>,
    /// The council's own words per vangnet year, every version (by year, then version).
    pub toelichtingen: Vec<Toelichting>,
    /// The letterhead of its documents, when set.
    pub briefhoofd: Option<Briefhoofd>,
}

/// Reads a gemeente's figures, spells and inhabitants (see [`laad_gegevens`] for `verleend`).
pub async fn laad(store: &Store, code: GemeenteCode, verleend: Option<Vec<i32>>) -> Result<Gemeente, Fout> {
    let gegevens = laad_gegevens(store, code, verleend).await?;
    let uitkeringen = store.uitkeringen(code).await?;
    let inwoners = store.inwoners(code).await?.into_iter().map(|i| (i.jaar.get(), i.aantal)).collect();
    let naam = gegevens.naam.clone().unwrap_or_else(|| code.to_string());
    let toelichtingen = store.toelichtingen(code).await?;
    let briefhoofd = store.briefhoofd(code).await?;
    Ok(Gemeente { code, naam, gegevens, uitkeringen, inwoners, toelichtingen, briefhoofd })
}

impl Gemeente {
    /// The current year and its peildatum: the last month with realisation.
    /// The current text of vangnet year `jaar` (its highest version); `None` when nothing was written.
    pub fn toelichting(&self, jaar: Year) -> Option<&Toelichting> {
        self.toelichtingen.iter().filter(|t| t.jaar == jaar).max_by_key(|t| t.versie)
    }

    pub fn huidig(&self) -> Option<(Year, Date)> {
        let d = self.gegevens.laatste_realisatiedag()?;
        Some((Year::new(i32::from(d.year())), d))
    }

    /// The most recent decision (by date, then by stage) of `jaar`.
    pub fn laatste_beschikking(&self, jaar: Year) -> Option<&Budgetbeschikking> {
        let rang = |s: BudgetSoort| match s {
            BudgetSoort::Voorlopig => 0,
            BudgetSoort::NaderVoorlopig => 1,
            BudgetSoort::Definitief => 2,
        };
        self.gegevens.budgetten.iter().filter(|b| b.jaar == jaar).max_by_key(|b| (b.datum, rang(b.soort)))
    }

    /// The first and last month with spells or realisation, for the caseload views.
    pub fn maanden(&self) -> Option<(Maand, Maand)> {
        let eerste = self.uitkeringen.iter().map(|u| u.startdatum).min()?;
        let laatste =
            self.huidig().map(|(_, d)| d).unwrap_or_else(|| self.uitkeringen.iter().map(|u| u.startdatum).max().unwrap_or(eerste));
        Some((Maand::van_datum(eerste).max(Maand::new(2015, 1)?), Maand::van_datum(laatste)))
    }

    /// The spells as they were known on `peildatum`: later starts left out, later ends still running.
    pub fn uitkeringen_op(&self, peildatum: Option<Date>) -> Vec<Uitkering> {
        match peildatum {
            Some(pd) => self
                .uitkeringen
                .iter()
                .filter(|u| u.startdatum <= pd)
                .map(|u| Uitkering { einddatum: u.einddatum.filter(|e| *e <= pd), ..u.clone() })
                .collect(),
            None => self.uitkeringen.clone(),
        }
    }
}
