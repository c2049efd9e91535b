// SPDX-License-Identifier: EUPL-1.2
//! The dates that matter to a gemeente (issue "Beyond the anchors" 5): the
//! vangnet deadline of each year (the day the commission must have
//! *received* the request), the expected budget decisions and whether they
//! arrived, the council dates the gemeente entered, and the quarter reviews
//! of its action plan. One list for the page and the calendar feed.

use buig_core::records::BudgetSoort;
use buig_core::{nl, Year};
use jiff::civil::Date;

use crate::gemeente::Gemeente;

/// What kind of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Soort {
    /// The vangnet deadline (a fatal term).
    Vangnettermijn,
    /// An expected budget decision.
    Beschikking,
    /// A date the gemeente entered.
    Eigen,
    /// A quarter review of the action plan.
    Plan,
}

impl Soort {
    pub fn tekst(self) -> &'static str {
        match self {
            Soort::Vangnettermijn => "vangnettermijn",
            Soort::Beschikking => "beschikking",
            Soort::Eigen => "eigen datum",
            Soort::Plan => "aanvalsplan",
        }
    }
}

/// One date of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Punt {
    pub datum: Date,
    pub soort: Soort,
    pub titel: String,
    pub toelichting: String,
    /// A stable id for the calendar (the same event keeps its id).
    pub uid: String,
    /// The id of a date the gemeente entered (it can be removed).
    pub eigen_id: Option<i64>,
}

/// The agenda of `g` from `van` to `tot` (inclusive), by date: `eigen` the
/// dates it entered, `plan` its plan's title and period, `vandaag` the day the deadlines are told against.
pub fn agenda(
    g: &Gemeente,
    eigen: &[buig_store::agenda::Agendapunt],
    plan: Option<(&str, Option<Date>, Option<Date>)>,
    van: Date,
    tot: Date,
    vandaag: Date,
) -> Vec<Punt> {
    let mut uit = Vec::new();
    let binnen = |d: Date| van <= d && d <= tot;
    let (j0, j1) = (i32::from(van.year()) - 2, i32::from(tot.year()) + 1);
    for t in j0..=j1 {
        let jaar = Year::new(t);
        // The request over year t: received by the commission by the deadline.
        if let Ok(d) = buig_rules::calc::uiterste_indiendatum(jaar) {
            if binnen(d) {
                uit.push(Punt {
                    datum: d,
                    soort: Soort::Vangnettermijn,
                    titel: format!("Uiterste dag vangnetverzoek over {t}"),
                    toelichting: format!(
                        "Een verzoek om een vangnetuitkering over {t} moet uiterlijk {} door de Toetsingscommissie vangnet Participatiewet zijn ontvangen (een fatale termijn); {}.",
                        nl::date_long(d),
                        buig_rules::calc::termijn_tekst(d, vandaag)
                    ),
                    uid: format!("vangnettermijn-{t}-{}", g.code),
                    eigen_id: None,
                });
            }
        }
        // The three decisions of year t, as SPEC §1 has them.
        for (soort, datum, wanneer) in [
            (BudgetSoort::Voorlopig, Date::new(t as i16 - 1, 10, 1), "uiterlijk 1 oktober van het jaar ervoor"),
            (BudgetSoort::NaderVoorlopig, Date::new(t as i16, 5, 1), "in het voorjaar (april of mei)"),
            (BudgetSoort::Definitief, Date::new(t as i16, 10, 1), "rond 1 oktober"),
        ] {
            let Ok(datum) = datum else { continue };
            if !binnen(datum) {
                continue;
            }
            let ontvangen = g.gegevens.budgetten.iter().any(|b| b.jaar == jaar && b.soort == soort);
            let naam = match soort {
                BudgetSoort::Voorlopig => "voorlopig",
                BudgetSoort::NaderVoorlopig => "nader voorlopig",
                BudgetSoort::Definitief => "definitief",
            };
            uit.push(Punt {
                datum,
                soort: Soort::Beschikking,
                titel: format!("Beschikking {naam} BUIG-budget {t} verwacht"),
                toelichting: format!(
                    "Het ministerie van SZW maakt het {naam}e budget {t} {wanneer} bekend. {}",
                    if ontvangen {
                        "Deze beschikking staat al in de BUIG-monitor."
                    } else {
                        "Importeer de beschikking zodra zij er is: de prognose rekent ermee."
                    }
                ),
                uid: format!("beschikking-{}-{t}-{}", naam.replace(' ', "-"), g.code),
                eigen_id: None,
            });
        }
    }
    for e in eigen.iter().filter(|e| binnen(e.datum)) {
        uit.push(Punt {
            datum: e.datum,
            soort: Soort::Eigen,
            titel: e.omschrijving.clone(),
            toelichting: e.door.as_ref().map(|d| format!("Toegevoegd door {d}.")).unwrap_or_default(),
            uid: format!("eigen-{}-{}", e.id, g.code),
            eigen_id: Some(e.id),
        });
    }
    if let Some((titel, Some(pvan), Some(ptot))) = plan {
        // Each quarter of the plan's period ends with its review: the status of every action.
        let mut d = pvan;
        while d <= ptot {
            let kwartaal = (i32::from(d.month()) - 1) / 3 + 1;
            let laatste = Date::new(d.year(), (kwartaal * 3) as i8, 1).map(|m| m.last_of_month()).unwrap_or(d);
            if binnen(laatste) && laatste <= ptot.last_of_month() {
                uit.push(Punt {
                    datum: laatste,
                    soort: Soort::Plan,
                    titel: format!("Kwartaalrapportage aanvalsplan K{kwartaal} {}", d.year()),
                    toelichting: format!("Leg de status van elke actie van het {titel} over K{kwartaal} {} vast.", d.year()),
                    uid: format!("plan-{}-K{kwartaal}-{}", d.year(), g.code),
                    eigen_id: None,
                });
            }
            match laatste.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
    }
    uit.sort_by(|a, b| (a.datum, a.soort, &a.titel).cmp(&(b.datum, b.soort, &b.titel)));
    uit
}
