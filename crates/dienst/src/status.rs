// SPDX-License-Identifier: EUPL-1.2
//! The data status of a gemeente: per year what is there (the three
//! decisions, months of realisation, benefits running, inhabitants, yearly
//! figures, granted vangnet years), and which answers each gap blocks — the
//! vangnet of a year needs the shortfalls of its window as amounts, the
//! prognosis needs months, a decision and benefits, the caseload needs
//! benefits — each with what fills it. The web page "Gegevens" and
//! `buig status` show the same list.

use std::collections::BTreeMap;

use buig_core::records::{BudgetSoort, Stadium};
use buig_core::Year;
use buig_prognose::budgetoverzicht;
use buig_rules::RuleTable;
use serde::Serialize;

use crate::gemeente::Gemeente;

/// What is there for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JaarStatus {
    pub jaar: Year,
    pub voorlopig: bool,
    pub nader_voorlopig: bool,
    pub definitief: bool,
    /// Months of realisation (0–12).
    pub maanden: u8,
    /// Benefits running at some point in the year.
    pub uitkeringen: u64,
    pub inwoners: Option<u64>,
    /// Yearly figures a source states: `realisatie`, `prognose`, or both.
    pub jaarcijfers: Vec<Stadium>,
    /// Was a vangnetuitkering granted over this year (as recorded)?
    pub verleend: Option<bool>,
    /// Is the year's shortfall known as an amount (for the vangnet windows)?
    pub tekort_bekend: bool,
}

/// What fills a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "soort", rename_all = "snake_case")]
pub enum Actie {
    /// Import a file of this kind.
    Import { bestand: &'static str },
    /// Record a year's budget and shortfall (jaarcijfer).
    Jaarcijfer { jaar: Year },
    /// Say whether a vangnetuitkering was granted over a year.
    Verleend { jaar: Year },
}

/// An answer that a gap blocks, in the users' words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blokkade {
    /// The answer: "Vangnet 2023", "Prognose 2026", "Bijstandsbestand".
    pub antwoord: String,
    /// What is missing, in a sentence.
    pub ontbreekt: String,
    pub acties: Vec<Actie>,
}

/// The whole status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataStatus {
    pub gemeente: String,
    pub naam: String,
    pub jaren: Vec<JaarStatus>,
    pub blokkades: Vec<Blokkade>,
}

/// The status of `g`, from 2015 (or its first data) up to the current year.
pub fn status(g: &Gemeente) -> DataStatus {
    let gg = &g.gegevens;
    let o = budgetoverzicht(gg);
    let tabel = RuleTable::bundled();
    let vandaag = crate::vandaag();
    let huidig = g.huidig().map(|(j, _)| j).unwrap_or_else(|| Year::new(i32::from(vandaag.year())));
    let eerste = [
        gg.budgetten.iter().map(|b| b.jaar).min(),
        gg.realisatie.iter().map(|r| r.jaar).min(),
        gg.jaarcijfers.iter().map(|j| j.jaar).min(),
        g.uitkeringen.iter().map(|u| Year::new(i32::from(u.startdatum.year()))).min(),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(huidig)
    .max(tabel.first_year());
    let mut maanden: BTreeMap<Year, u8> = BTreeMap::new();
    for r in &gg.realisatie {
        *maanden.entry(r.jaar).or_default() += 1;
    }
    let tekorten = o.tekorten();
    let jaren: Vec<JaarStatus> = Year::range(eerste, huidig)
        .map(|y| {
            let heeft = |s: BudgetSoort| gg.budgetten.iter().any(|b| b.jaar == y && b.soort == s);
            let begin = jiff::civil::Date::new(y.get() as i16, 1, 1).expect("valid year");
            let einde = jiff::civil::Date::new(y.get() as i16, 12, 31).expect("valid year");
            JaarStatus {
                jaar: y,
                voorlopig: heeft(BudgetSoort::Voorlopig),
                nader_voorlopig: heeft(BudgetSoort::NaderVoorlopig),
                definitief: heeft(BudgetSoort::Definitief),
                maanden: maanden.get(&y).copied().unwrap_or(0),
                uitkeringen: g.uitkeringen.iter().filter(|u| u.startdatum <= einde && u.einddatum.is_none_or(|e| e >= begin)).count()
                    as u64,
                inwoners: g.inwoners.get(&y.get()).copied(),
                jaarcijfers: gg.jaarcijfers.iter().filter(|j| j.jaar == y).map(|j| j.stadium).collect(),
                verleend: gg.verleend_per_jaar.get(&y.get()).copied(),
                tekort_bekend: tekorten.contains_key(&y),
            }
        })
        .collect();
    let bij = |y: Year| jaren.iter().find(|j| j.jaar == y);
    let mut blokkades = Vec::new();

    // The prognosis of the current year.
    let mut prognose = Vec::new();
    let mut acties = Vec::new();
    if bij(huidig).is_none_or(|j| j.maanden == 0) {
        prognose.push(format!("de maandrealisatie van {huidig}"));
        acties.push(Actie::Import { bestand: "realisatie" });
    }
    if !gg.budgetten.iter().any(|b| b.jaar == huidig) {
        prognose.push(format!("een budgetbeschikking over {huidig}"));
        acties.push(Actie::Import { bestand: "budget" });
    }
    if g.uitkeringen.is_empty() {
        prognose.push("de uitkeringen (het bestand)".into());
        acties.push(Actie::Import { bestand: "uitkeringen" });
    } else if bij(huidig.offset(-1)).is_none_or(|j| j.maanden < 12) {
        prognose.push(format!("de maandrealisatie van {} (voor de in- en uitstroom)", huidig.offset(-1)));
        acties.push(Actie::Import { bestand: "realisatie" });
    }
    if !prognose.is_empty() {
        acties.dedup();
        blokkades.push(Blokkade {
            antwoord: format!("Prognose {huidig}"),
            ontbreekt: format!("Er ontbreekt {}.", buig_core::nl::opsomming(&prognose)),
            acties,
        });
    }
    if g.uitkeringen.is_empty() {
        blokkades.push(Blokkade {
            antwoord: "Bijstandsbestand en kwartaalmonitor".into(),
            ontbreekt: "Er zijn geen uitkeringen ingelezen: stand, instroom, uitstroom en duur zijn niet te tellen.".into(),
            acties: vec![Actie::Import { bestand: "uitkeringen" }],
        });
    }

    // The vangnet of each year before the current one that has figures of its own.
    for j in jaren.iter().filter(|j| j.jaar < huidig && j.jaar >= tabel.first_year()) {
        let y = j.jaar;
        let heeft_iets = j.definitief || j.maanden > 0 || !j.jaarcijfers.is_empty();
        let Ok(rule) = tabel.rule_for(y) else { continue };
        if !heeft_iets {
            continue;
        }
        let mut nodig: Vec<Year> = rule.eerdere_jaren(y);
        nodig.push(y);
        let ontbrekend: Vec<Year> = nodig.iter().copied().filter(|x| !tekorten.contains_key(x)).collect();
        if !ontbrekend.is_empty() {
            blokkades.push(Blokkade {
                antwoord: format!("Vangnet {y}"),
                ontbreekt: format!(
                    "Het tekort over {} is niet als bedrag bekend (het definitieve budget en de netto lasten, of het tekort uit de jaarrekening).",
                    buig_core::nl::jaren(&ontbrekend)
                ),
                acties: ontbrekend.iter().map(|x| Actie::Jaarcijfer { jaar: *x }).collect(),
            });
        }
        let venster = rule.aanhoudend_jaren(y);
        // Condition e matters only where the year may have a right.
        let geen_recht = o.jaar(y).and_then(|j| j.vangnet.as_ref()).is_some_and(|v| v.recht() == Some(false));
        if gg.verleend_voor(y).is_none() && !venster.is_empty() && !geen_recht {
            let open: Vec<Year> = venster.iter().copied().filter(|x| !gg.verleend_per_jaar.contains_key(&x.get())).collect();
            blokkades.push(Blokkade {
                antwoord: format!("Vangnet {y}: basisverzoek of uitgebreid verzoek"),
                ontbreekt: format!("Niet vastgelegd of over {} een vangnetuitkering is verleend.", buig_core::nl::jaren(&open)),
                acties: open.iter().map(|x| Actie::Verleend { jaar: *x }).collect(),
            });
        }
    }
    // Nothing about any year that is over: the last one is where a vangnet question starts.
    let vorig = huidig.offset(-1);
    if !jaren.iter().any(|j| j.jaar < huidig && (j.definitief || j.maanden > 0 || !j.jaarcijfers.is_empty())) {
        if let Ok(rule) = tabel.rule_for(vorig) {
            let mut nodig: Vec<Year> = rule.eerdere_jaren(vorig);
            nodig.push(vorig);
            blokkades.push(Blokkade {
                antwoord: format!("Vangnet {vorig}"),
                ontbreekt: format!(
                    "Er zijn nog geen cijfers over {}: het definitieve budget en het tekort uit de jaarrekening of de SiSa-verantwoording.",
                    buig_core::nl::jaren(&nodig)
                ),
                acties: nodig.iter().map(|x| Actie::Jaarcijfer { jaar: *x }).collect(),
            });
        }
    }
    DataStatus { gemeente: g.code.to_string(), naam: g.naam.clone(), jaren, blokkades }
}
