// SPDX-License-Identifier: EUPL-1.2
//! The routes to a vangnetuitkering, each a checklist of its own: the
//! regular route (condition a at the rule's threshold, the cumulative
//! condition b) and, from 2025, the extended route (verlaagde drempel: a
//! lower threshold for gemeenten with shortfalls in earlier years).

use buig_core::{money, nl, Money, Percentage, Year};
use rust_decimal::Decimal;

use crate::case::Case;
use crate::result::{Route, RouteToets, TredeUitkomst, VerlaagdeDrempelUitkomst};
use crate::table::{Rule, Status, VerlaagdeDrempel};

use super::treden::{self, tiers};

/// What a route found, with the words that explain it.
pub(crate) struct RouteUitkomst {
    pub toets: RouteToets,
    pub treden: Vec<TredeUitkomst>,
    /// The exact payout of the tiers (before rounding).
    pub exact: Decimal,
    /// The quantities that decide this route, with their status.
    pub beslissend: Vec<(String, Status)>,
    pub uitleg: Vec<String>,
    pub waarschuwingen: Vec<String>,
    pub bronnen: Vec<String>,
}

/// Condition b of the regular route, with its figures.
#[derive(Default)]
pub(crate) struct Meerjarig {
    pub jaren: Vec<Year>,
    pub tekort: Option<Money>,
    pub percentage: Option<Percentage>,
    pub drempel_bedrag: Option<Decimal>,
}

/// Three-valued "and" for conditions that may be unknown.
pub(crate) fn and3(a: bool, b: Option<bool>) -> Option<bool> {
    if a {
        b
    } else {
        Some(false)
    }
}

/// The least certain status of what decides a route: its conditions, and
/// its tiers that hold part of the shortfall unless the route gives nothing.
fn status_van(beslissend: &mut Vec<(String, Status)>, recht: Option<bool>, treden: &[TredeUitkomst]) -> Status {
    if recht != Some(false) {
        for tr in treden.iter().skip(1).filter(|tr| tr.deel_tekort > Decimal::ZERO) {
            beslissend.push((format!("trede {}", treden::label(tr)), tr.status));
        }
    }
    beslissend.iter().map(|(_, s)| *s).max().unwrap_or(Status::Bevestigd)
}

/// `het definitieve budget 2023`, `het voorlopige budget 2018`, or the budget without art. 7.
pub(crate) fn budget_naam(case: &Case) -> String {
    let t = case.jaar;
    let eigen = case.eigen();
    if eigen.budget_zonder_art7.is_some() {
        return format!("het budget {t} zonder toepassing van artikel 7 Besluit Participatiewet");
    }
    let soort = match eigen.beschikking {
        buig_core::records::BudgetSoort::Voorlopig => "voorlopige",
        buig_core::records::BudgetSoort::NaderVoorlopig => "nader voorlopige",
        buig_core::records::BudgetSoort::Definitief => "definitieve",
    };
    format!("het {soort} budget {t}")
}

/// The regular route: condition a at the rule's threshold and the cumulative condition b.
pub(crate) fn regulier(rule: &Rule, case: &Case) -> (RouteUitkomst, Meerjarig) {
    let t = case.jaar;
    let bd = case.eigen().drempelbudget().expect("Case guarantees the budget of its own year");
    let tekort = case.eigen().tekort;
    let tekort_d = tekort.to_decimal();
    let pct = Percentage::ratio(tekort, bd).expect("Case guarantees a positive budget");
    let budget = budget_naam(case);
    let (mut uitleg, mut waarschuwingen, mut bronnen) = (Vec::new(), Vec::new(), vec![rule.drempel.bron.clone()]);

    let drempel = rule.drempel.percentage;
    let drempel_bedrag = drempel.of(bd);
    let voorwaarde_a = tekort_d > drempel_bedrag;
    uitleg.push(format!(
        "Voorwaarde a: het tekort over {t} moet méér bedragen dan {} van {budget}, dat is {}. {} is {} dan {}: voorwaarde a is {}.",
        nl::rule_percentage(drempel),
        nl::euro(drempel_bedrag),
        nl::percentage(pct),
        if voorwaarde_a {
            "meer"
        } else if tekort_d == drempel_bedrag {
            "precies gelijk aan, dus niet meer"
        } else {
            "niet meer"
        },
        nl::rule_percentage(drempel),
        if voorwaarde_a { "vervuld" } else { "niet vervuld" },
    ));
    let mut beslissend = vec![(format!("drempel {}", nl::rule_percentage(drempel)), rule.drempel.status)];

    let mut mj = Meerjarig::default();
    let voorwaarde_b = match &rule.meerjarig {
        None => {
            uitleg.push(format!("Voorwaarde b: voor {t} geldt geen meerjarige voorwaarde."));
            Some(true)
        }
        Some(m) => {
            bronnen.push(m.bron.clone());
            mj.jaren = Year::range(t.offset(-m.jaren_terug), t).collect();
            let missing: Vec<Year> = mj.jaren.iter().copied().filter(|y| case.tekort(*y).is_none()).collect();
            let threshold = m.percentage.of(bd);
            mj.drempel_bedrag = Some(threshold);
            let regel_tekst = format!(
                "Voorwaarde b: het gecumuleerde tekort over {} (overschotten tellen negatief) moet méér bedragen dan {} van alleen {budget}, dat is {}.",
                nl::jaren(&mj.jaren),
                nl::rule_percentage(m.percentage),
                nl::euro(threshold)
            );
            if !missing.is_empty() {
                uitleg.push(format!("{regel_tekst} Het tekort over {} ontbreekt, dus dit is niet vast te stellen.", nl::jaren(&missing)));
                for y in &missing {
                    waarschuwingen.push(format!(
                        "Het tekort over {y} ontbreekt (jaren.{y}.tekort, of lasten en baten met budget): zonder dat jaar is voorwaarde b niet te toetsen."
                    ));
                }
                None
            } else {
                let sum: Money = mj.jaren.iter().map(|y| case.tekort(*y).unwrap_or(Money::ZERO)).sum();
                let sum_pct = Percentage::ratio(sum, bd).expect("positive budget");
                mj.tekort = Some(sum);
                mj.percentage = Some(sum_pct);
                let ok = sum.to_decimal() > threshold;
                let terms: Vec<String> =
                    mj.jaren.iter().map(|y| format!("{y}: {}", nl::money(case.tekort(*y).unwrap_or(Money::ZERO)))).collect();
                uitleg.push(format!(
                    "{regel_tekst} {} geeft samen {}, dat is {} van het budget {t}: voorwaarde b is {}. Het gaat om de som van de tekorten ten opzichte van het budget {t}, niet om een gemiddeld percentage.",
                    terms.join(" + "),
                    nl::money(sum),
                    nl::percentage(sum_pct),
                    if ok { "vervuld" } else { "niet vervuld" }
                ));
                if voorwaarde_a {
                    beslissend.push((format!("meerjarige voorwaarde {}", nl::rule_percentage(m.percentage)), m.status));
                }
                Some(ok)
            }
        }
    };
    let recht = and3(voorwaarde_a, voorwaarde_b);
    let treden = tiers(tekort_d, bd, drempel, &rule.treden, rule.drempel.status);
    let exact = treden::som(&treden);
    let status = status_van(&mut beslissend, recht, &treden);
    let toets = RouteToets {
        route: Route::Regulier,
        drempel_percentage: drempel,
        drempel_bedrag: money::round_to_cents(drempel_bedrag),
        voorwaarde_a,
        voorwaarde_b,
        recht,
        uitkering: heel(exact),
        status,
    };
    (RouteUitkomst { toets, treden, exact, beslissend, uitleg, waarschuwingen, bronnen }, mj)
}

/// The extended route (verlaagde drempel): a lower threshold for year t when
/// enough years of a window had a shortfall of at least a minimum share of
/// their own budget; that test replaces the cumulative condition b.
pub(crate) fn verlaagd(v: &VerlaagdeDrempel, case: &Case) -> (RouteUitkomst, VerlaagdeDrempelUitkomst) {
    let t = case.jaar;
    let bd = case.eigen().drempelbudget().expect("Case guarantees the budget of its own year");
    let tekort_d = case.eigen().tekort.to_decimal();
    let (mut uitleg, mut waarschuwingen) = (Vec::new(), Vec::new());
    let bronnen = vec![v.voorwaarde_bron.clone(), v.drempel.bron.clone()];
    let d_bedrag = v.drempel.percentage.of(bd);
    let a = tekort_d > d_bedrag;
    let jaren: Vec<Year> = Year::range(t.offset(v.venster_van), t.offset(v.venster_tot)).collect();
    let (mut met, mut onbekend) = (Vec::new(), Vec::new());
    for y in &jaren {
        match (case.tekort(*y), case.drempelbudget_of(*y)) {
            (Some(ty), Some(by)) => {
                if ty.to_decimal() >= v.minimum_percentage.of(by) {
                    met.push(*y)
                }
            }
            _ => onbekend.push(*y),
        }
    }
    let b_ext = if met.len() >= v.minimum_aantal {
        Some(true)
    } else if met.len() + onbekend.len() < v.minimum_aantal {
        Some(false)
    } else {
        None
    };
    let recht = and3(a, b_ext);
    let treden = tiers(tekort_d, bd, v.drempel.percentage, &v.treden, v.drempel.status);
    let exact = treden::som(&treden);
    uitleg.push(format!(
        "Verlaagde drempel (uitbreiding vangnet): een gemeente met een tekort van ten minste {} van het eigen budget in minstens {} van de jaren {} heeft recht bij een tekort over {t} van méér dan {} ({}), in plaats van de gecumuleerde toets. {}{}: deze route is {}.",
        nl::rule_percentage(v.minimum_percentage),
        v.minimum_aantal,
        nl::jaren(&jaren),
        nl::rule_percentage(v.drempel.percentage),
        nl::euro(d_bedrag),
        if met.is_empty() { "Geen van die jaren haalt dat".to_string() } else { format!("Dat haalt: {}", nl::jaren(&met)) },
        if onbekend.is_empty() { String::new() } else { format!("; onbekend (tekort of budget ontbreekt): {}", nl::jaren(&onbekend)) },
        match recht {
            Some(true) => "van toepassing",
            Some(false) => "niet van toepassing",
            None => "niet vast te stellen",
        },
    ));
    if !onbekend.is_empty() && b_ext.is_none() {
        waarschuwingen.push(format!(
            "Voor de verlaagde drempel ontbreken tekort of budget van {}: geef die op om deze route te toetsen.",
            nl::jaren(&onbekend)
        ));
    }
    let mut beslissend = vec![
        (format!("verlaagde drempel {}", nl::rule_percentage(v.drempel.percentage)), v.drempel.status),
        ("voorwaarde verlaagde drempel".to_string(), v.voorwaarde_status),
    ];
    let status = status_van(&mut beslissend, recht, &treden);
    let uitkomst = VerlaagdeDrempelUitkomst {
        drempel_percentage: v.drempel.percentage,
        drempel_bedrag: money::round_to_cents(d_bedrag),
        voorwaarde_a: a,
        minimum_percentage: v.minimum_percentage,
        jaren,
        jaren_met_tekort: met,
        jaren_onbekend: onbekend,
        voorwaarde_b: b_ext,
        recht,
        uitkering_exact: money::round_to_cents(exact),
    };
    let toets = RouteToets {
        route: Route::VerlaagdeDrempel,
        drempel_percentage: v.drempel.percentage,
        drempel_bedrag: money::round_to_cents(d_bedrag),
        voorwaarde_a: a,
        voorwaarde_b: b_ext,
        recht,
        uitkering: heel(exact),
        status,
    };
    (RouteUitkomst { toets, treden, exact, beslissend, uitleg, waarschuwingen, bronnen }, uitkomst)
}

/// An exact payout rounded once to whole euros, half away from zero.
pub(crate) fn heel(exact: Decimal) -> Money {
    Money::from_decimal_euros(money::round_to_whole_euros(exact)).expect("a payout within the range of Money")
}

/// One route's checklist as a sentence: `Reguliere route (7,5%): a vervuld, b vervuld — recht, € 149.870.`
pub(crate) fn checklist(r: &RouteToets) -> String {
    let ja = |b: Option<bool>| match b {
        Some(true) => "vervuld",
        Some(false) => "niet vervuld",
        None => "onbekend",
    };
    let naam = match r.route {
        Route::Regulier => "Reguliere route",
        Route::VerlaagdeDrempel => "Verlaagde drempel",
    };
    let uitkomst = match r.recht {
        Some(true) => format!("recht, {}", nl::money(r.uitkering)),
        Some(false) => "geen recht".to_string(),
        None => format!("nog niet vast te stellen (indien vervuld: {})", nl::money(r.uitkering)),
    };
    let status = match r.status {
        Status::Bevestigd => String::new(),
        s => format!(" [{s}]"),
    };
    format!(
        "{naam} (drempel {}): a {}, b {} — {uitkomst}{status}.",
        nl::rule_percentage(r.drempel_percentage),
        ja(Some(r.voorwaarde_a)),
        ja(r.voorwaarde_b)
    )
}
