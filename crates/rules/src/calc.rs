// SPDX-License-Identifier: EUPL-1.2
//! The vangnet calculation: conditions a and b, the tiers, the own risk,
//! the 2025 extended route, aanhoudend tekort and the form, the deadline,
//! and the commission's steps A–I — every intermediate figure kept in the
//! [`VangnetResult`] and explained in Dutch.
//!
//! All percentages and dates come from the [`Rule`] of the year; amounts
//! are exact decimals of euros until the payout is rounded once, to whole
//! euros, at the end ([`money::round_to_whole_euros`]). "More than" is
//! strict: a shortfall of exactly the threshold gives nothing.

use buig_core::{money, nl, Money, Percentage, Year};
use rust_decimal::Decimal;

use crate::case::{Case, Herkomst};
use crate::result::{Formulier, Route, TredeUitkomst, VangnetResult, VerlaagdeDrempelUitkomst};
use crate::table::{RuleError, RuleTable, Status, Trede};

/// Computes the vangnet for a case with the bundled rule table.
pub fn bereken(case: &Case) -> Result<VangnetResult, RuleError> {
    bereken_met(RuleTable::bundled(), case)
}

/// Three-valued "and" for conditions that may be unknown.
fn and3(a: bool, b: Option<bool>) -> Option<bool> {
    if a {
        b
    } else {
        Some(false)
    }
}

/// Three-valued "or".
fn or3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// The parts of the shortfall per tier, with the own-risk part first (H1).
fn tiers(tekort: Decimal, budget: Money, drempel: Percentage, treden: &[Trede], eigen_status: Status) -> Vec<TredeUitkomst> {
    let slice = |van: Percentage, tot: Option<Percentage>| {
        let lower = van.of(budget);
        let part = (tekort - lower).max(Decimal::ZERO);
        match tot {
            Some(t) => part.min(t.of(budget) - lower),
            None => part,
        }
    };
    let mut out = vec![TredeUitkomst {
        symbool: "H1".into(),
        van_percentage: Percentage::ZERO,
        tot_percentage: Some(drempel),
        vergoeding_percentage: Percentage::ZERO,
        deel_tekort: slice(Percentage::ZERO, Some(drempel)),
        bedrag: Decimal::ZERO,
        status: eigen_status,
    }];
    for (i, t) in treden.iter().enumerate() {
        let deel = slice(t.van, t.tot);
        out.push(TredeUitkomst {
            symbool: format!("H{}", i + 2),
            van_percentage: t.van,
            tot_percentage: t.tot,
            vergoeding_percentage: t.vergoeding,
            deel_tekort: deel,
            bedrag: t.vergoeding.of_euros(deel),
            status: t.status,
        });
    }
    out
}

fn tier_label(t: &TredeUitkomst) -> String {
    match t.tot_percentage {
        Some(tot) if t.van_percentage == Percentage::ZERO => format!("tot en met {} van B (eigen risico)", nl::rule_percentage(tot)),
        Some(tot) => format!(
            "{} van het deel tussen {} en {} van B",
            nl::rule_percentage(t.vergoeding_percentage),
            nl::rule_percentage(t.van_percentage),
            nl::rule_percentage(tot)
        ),
        None => {
            format!("{} van het deel boven {} van B", nl::rule_percentage(t.vergoeding_percentage), nl::rule_percentage(t.van_percentage))
        }
    }
}

fn years_text(years: &[Year]) -> String {
    nl::jaren(years)
}

/// Computes the vangnet for a case with the given table.
pub fn bereken_met(table: &RuleTable, case: &Case) -> Result<VangnetResult, RuleError> {
    let rule = table.rule_for(case.jaar)?;
    let t = case.jaar;
    let b = case.budget;
    let tekort = case.tekort(t).expect("Case guarantees the figures of its own year");
    let tekort_d = tekort.to_decimal();
    let pct = Percentage::ratio(tekort, b).expect("Case guarantees a positive budget");

    let mut uitleg = Vec::new();
    let mut waarschuwingen = case.notes.clone();
    let mut bronnen: Vec<String> = Vec::new();
    let mut cite = |s: &str| {
        if !bronnen.iter().any(|b| b == s) {
            bronnen.push(s.to_string());
        }
    };
    let mut onbevestigd: Vec<String> = Vec::new();

    uitleg.push(format!("Toegepaste regel: {} ({}), geldig voor {} t/m {}.", rule.titel, rule.id, rule.van, rule.tot));
    uitleg.extend(rule.toelichting.iter().cloned());
    let resultaat_woord = if tekort.is_negative() { "een overschot" } else { "een tekort" };
    uitleg.push(format!(
        "Over {t} is er {resultaat_woord} van {} op een definitief budget van {}: {} van het budget.",
        nl::money(tekort.abs()),
        nl::money(b),
        nl::percentage(pct.abs())
    ));

    // --- Condition a (regular route) ---
    let drempel = rule.drempel.percentage;
    let drempel_bedrag = drempel.of(b);
    let voorwaarde_a = tekort_d > drempel_bedrag;
    cite(&rule.drempel.bron);
    uitleg.push(format!(
        "Voorwaarde a: het tekort over {t} moet méér bedragen dan {} van het definitieve budget {t}, dat is {}. {} is {} dan {}: voorwaarde a is {}.",
        nl::rule_percentage(drempel),
        nl::euro(drempel_bedrag),
        nl::percentage(pct),
        if voorwaarde_a { "meer" } else if tekort_d == drempel_bedrag { "precies gelijk aan, dus niet meer" } else { "niet meer" },
        nl::rule_percentage(drempel),
        if voorwaarde_a { "vervuld" } else { "niet vervuld" },
    ));
    let mut decisive: Vec<(String, Status)> = vec![(format!("drempel {}", nl::rule_percentage(drempel)), rule.drempel.status)];

    // --- Condition b (regular route) ---
    let mut meerjarig_jaren = Vec::new();
    let (mut meerjarig_tekort, mut meerjarig_percentage, mut meerjarig_drempel_bedrag) = (None, None, None);
    let voorwaarde_b: Option<bool> = match &rule.meerjarig {
        None => {
            uitleg.push(format!("Voorwaarde b: voor {t} geldt geen meerjarige voorwaarde."));
            Some(true)
        }
        Some(m) => {
            cite(&m.bron);
            meerjarig_jaren = Year::range(t.offset(-m.jaren_terug), t).collect();
            let missing: Vec<Year> = meerjarig_jaren.iter().copied().filter(|y| case.tekort(*y).is_none()).collect();
            let threshold = m.percentage.of(b);
            meerjarig_drempel_bedrag = Some(threshold);
            let regel_tekst = format!(
                "Voorwaarde b: het gecumuleerde tekort over {} (overschotten tellen negatief) moet méér bedragen dan {} van alleen het definitieve budget {t}, dat is {}.",
                years_text(&meerjarig_jaren),
                nl::rule_percentage(m.percentage),
                nl::euro(threshold)
            );
            if !missing.is_empty() {
                uitleg.push(format!("{regel_tekst} Het tekort over {} ontbreekt, dus dit is niet vast te stellen.", years_text(&missing)));
                for y in &missing {
                    waarschuwingen.push(format!(
                        "Het tekort over {y} ontbreekt (jaren.{y}.tekort, of lasten en baten met budget): zonder dat jaar is voorwaarde b niet te toetsen."
                    ));
                }
                None
            } else {
                let sum: Money = meerjarig_jaren.iter().map(|y| case.tekort(*y).unwrap_or(Money::ZERO)).sum();
                let sum_pct = Percentage::ratio(sum, b).expect("positive budget");
                meerjarig_tekort = Some(sum);
                meerjarig_percentage = Some(sum_pct);
                let ok = sum.to_decimal() > threshold;
                let terms: Vec<String> =
                    meerjarig_jaren.iter().map(|y| format!("{y}: {}", nl::money(case.tekort(*y).unwrap_or(Money::ZERO)))).collect();
                uitleg.push(format!(
                    "{regel_tekst} {} geeft samen {}, dat is {} van het budget {t}: voorwaarde b is {}. Het gaat om de som van de tekorten ten opzichte van het budget {t}, niet om een gemiddeld percentage.",
                    terms.join(" + "),
                    nl::money(sum),
                    nl::percentage(sum_pct),
                    if ok { "vervuld" } else { "niet vervuld" }
                ));
                if voorwaarde_a {
                    decisive.push((format!("meerjarige voorwaarde {}", nl::rule_percentage(m.percentage)), m.status));
                }
                Some(ok)
            }
        }
    };
    let recht_regulier = and3(voorwaarde_a, voorwaarde_b);
    let tiers_regulier = tiers(tekort_d, b, drempel, &rule.treden, rule.drempel.status);
    let uitkering_regulier: Decimal = tiers_regulier.iter().map(|x| x.bedrag).sum();

    // --- The extended route (2025 on) ---
    let mut verlaagde = None;
    let mut tiers_verlaagd = None;
    if let Some(v) = &rule.verlaagde_drempel {
        cite(&v.voorwaarde_bron);
        cite(&v.drempel.bron);
        let d_bedrag = v.drempel.percentage.of(b);
        let a = tekort_d > d_bedrag;
        let jaren: Vec<Year> = Year::range(t.offset(v.venster_van), t.offset(v.venster_tot)).collect();
        let mut met = Vec::new();
        let mut onbekend = Vec::new();
        for y in &jaren {
            match (case.tekort(*y), case.budget_of(*y)) {
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
        let tv = tiers(tekort_d, b, v.drempel.percentage, &v.treden, v.drempel.status);
        let exact: Decimal = tv.iter().map(|x| x.bedrag).sum();
        uitleg.push(format!(
            "Verlaagde drempel (uitbreiding vangnet): een gemeente met een tekort van ten minste {} van het eigen budget in minstens {} van de jaren {} heeft recht bij een tekort over {t} van méér dan {} ({}), in plaats van de gecumuleerde toets. {}{}: deze route is {}.",
            nl::rule_percentage(v.minimum_percentage),
            v.minimum_aantal,
            years_text(&jaren),
            nl::rule_percentage(v.drempel.percentage),
            nl::euro(d_bedrag),
            if met.is_empty() { "Geen van die jaren haalt dat".to_string() } else { format!("Dat haalt: {}", years_text(&met)) },
            if onbekend.is_empty() { String::new() } else { format!("; onbekend (tekort of budget ontbreekt): {}", years_text(&onbekend)) },
            match recht { Some(true) => "van toepassing", Some(false) => "niet van toepassing", None => "niet vast te stellen" },
        ));
        if !onbekend.is_empty() && b_ext.is_none() {
            waarschuwingen.push(format!(
                "Voor de verlaagde drempel ontbreken tekort of budget van {}: geef die op om deze route te toetsen.",
                years_text(&onbekend)
            ));
        }
        verlaagde = Some(VerlaagdeDrempelUitkomst {
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
        });
        tiers_verlaagd = Some((tv, v, recht, exact));
    }

    // --- Choose the route and the payout ---
    let mut route = Route::Regulier;
    let mut recht = recht_regulier;
    let mut chosen_tiers = tiers_regulier;
    let mut exact = uitkering_regulier;
    let (mut show_drempel, mut show_drempel_bedrag, mut show_a, mut show_b) = (drempel, drempel_bedrag, voorwaarde_a, voorwaarde_b);
    if let Some((tv, v, recht_ext, exact_ext)) = tiers_verlaagd {
        recht = or3(recht_regulier, recht_ext);
        // The extended route applies when it may be met and the regular one is not certain
        // to give as much; it never gives less, its tiers starting lower.
        let take_ext = recht_ext == Some(true) || (recht_ext.is_none() && recht_regulier != Some(true));
        if take_ext && exact_ext >= uitkering_regulier {
            route = Route::VerlaagdeDrempel;
            chosen_tiers = tv;
            exact = exact_ext;
            show_drempel = v.drempel.percentage;
            show_drempel_bedrag = v.drempel.percentage.of(b);
            show_a = tekort_d > show_drempel_bedrag;
            show_b = verlaagde.as_ref().and_then(|x| x.voorwaarde_b);
            decisive = vec![
                (format!("verlaagde drempel {}", nl::rule_percentage(v.drempel.percentage)), v.drempel.status),
                ("voorwaarde verlaagde drempel".into(), v.voorwaarde_status),
            ];
            if recht_regulier == Some(true) {
                uitleg.push(format!(
                    "Ook de reguliere route geeft recht, met een vangnetuitkering van {}; de verlaagde drempel geeft meer en is daarom getoond.",
                    nl::euro(money::round_to_whole_euros(uitkering_regulier))
                ));
            }
        }
    }
    let uitkering_afgerond = money::round_to_whole_euros(exact);
    for tr in chosen_tiers.iter().skip(1) {
        if tr.deel_tekort > Decimal::ZERO && recht != Some(false) {
            decisive.push((format!("trede {}", tier_label(tr)), tr.status));
        }
    }
    let (vangnetuitkering, eigen_risico) = match recht {
        Some(true) => (Some(uitkering_afgerond), Some(tekort_d.max(Decimal::ZERO) - uitkering_afgerond)),
        Some(false) => (Some(Decimal::ZERO), Some(tekort_d.max(Decimal::ZERO))),
        None => (None, None),
    };
    // Whole euros (the payout) and cents (the own risk) are exact in Money.
    let geld = |d: Decimal| Money::from_decimal_euros(money::round_to_cents(d)).expect("a shortfall within the range of Money");

    // --- Explanation of the tiers ---
    if recht != Some(false) && tekort.is_positive() {
        for tr in &chosen_tiers {
            cite_tier(&mut cite, &rule.treden, &rule.verlaagde_drempel, tr);
        }
        let parts: Vec<String> = chosen_tiers
            .iter()
            .map(|tr| {
                if tr.vergoeding_percentage == Percentage::ZERO {
                    format!("{} {}: {} voor rekening van de gemeente", tr.symbool, tier_label(tr), nl::euro(tr.deel_tekort))
                } else {
                    format!(
                        "{} {}: {} × {} = {}",
                        tr.symbool,
                        tier_label(tr),
                        nl::rule_percentage(tr.vergoeding_percentage),
                        nl::euro(tr.deel_tekort),
                        nl::euro(tr.bedrag)
                    )
                }
            })
            .collect();
        uitleg.push(format!("Berekening per trede ({}): {}.", route, parts.join("; ")));
    }
    match recht {
        Some(true) => uitleg.push(format!(
            "Vangnetuitkering {t}: {} (afgerond op hele euro's). Eigen risico van de gemeente: {}.",
            nl::euro(uitkering_afgerond),
            nl::euro(eigen_risico.unwrap_or_default())
        )),
        Some(false) => uitleg.push(format!("Er is over {t} geen recht op een vangnetuitkering.")),
        None => uitleg.push(format!(
            "Of er recht is, is niet vast te stellen met de opgegeven jaren. Als de ontbrekende voorwaarde vervuld blijkt, is de vangnetuitkering {}.",
            nl::euro(uitkering_afgerond)
        )),
    }

    // --- Aanhoudend tekort and the form ---
    let aanhoudend_tekort = match &rule.aanhoudend {
        None => {
            uitleg.push(format!("Aanhoudend tekort: die voorwaarde bestaat voor {t} nog niet; een basisverzoek volstaat."));
            false
        }
        Some(a) => {
            cite(&a.bron);
            let window: Vec<Year> = Year::range(t.offset(-a.jaren_terug), t.offset(-1)).collect();
            match &case.vangnet_verleend {
                None => {
                    waarschuwingen.push(format!(
                        "vangnet_verleend is niet opgegeven: aangenomen is dat over {} geen vangnetuitkering is verleend (basisverzoek). Is die wel verleend, dan is een uitgebreid verzoek nodig.",
                        years_text(&window)
                    ));
                    uitleg.push(format!(
                        "Aanhoudend tekort: niet opgegeven of over {} een vangnetuitkering is verleend; aangenomen van niet.",
                        years_text(&window)
                    ));
                    false
                }
                Some(list) => {
                    let hits: Vec<Year> = window.iter().copied().filter(|y| list.contains(y)).collect();
                    if hits.is_empty() {
                        uitleg.push(format!(
                            "Geen aanhoudend tekort: over {} is geen vangnetuitkering verleend, dus volstaat een basisverzoek.",
                            years_text(&window)
                        ));
                        false
                    } else {
                        uitleg.push(format!(
                            "Aanhoudend tekort: over {} is een vangnetuitkering verleend. Daarom is een uitgebreid verzoek nodig, waarin het college verklaart welke aanvullende interne en externe maatregelen zijn getroffen (voorwaarde e).",
                            years_text(&hits)
                        ));
                        true
                    }
                }
            }
        }
    };
    let formulier = if aanhoudend_tekort { Formulier::UitgebreidVerzoek } else { Formulier::Basisverzoek };

    // --- Procedure and deadline ---
    cite(&rule.procedure.bron);
    cite(&rule.termijn.bron);
    let deadline = jiff::civil::Date::new(t.get() as i16 + rule.termijn.jaren_na, rule.termijn.maand, rule.termijn.dag)
        .expect("validated with the rule table");
    uitleg.push(format!(
        "Procedure: het verzoek moet uiterlijk {} bij de Toetsingscommissie vangnet Participatiewet zijn ingediend op het voorgeschreven formulier (voorwaarde c). {}",
        nl::date_long(deadline),
        rule.procedure.toelichting
    ));

    // --- Status ---
    for (what, status) in &decisive {
        if *status == Status::Onbevestigd {
            onbevestigd.push(what.clone());
        }
    }
    let status = if onbevestigd.is_empty() { Status::Bevestigd } else { Status::Onbevestigd };
    if status == Status::Onbevestigd {
        waarschuwingen.push(format!(
            "Onbevestigd: de uitkomst steunt op regels die niet aan de wettekst zijn getoetst ({}). Controleer ze bij de Toetsingscommissie vangnet Participatiewet voordat u dit bedrag gebruikt.",
            onbevestigd.join("; ")
        ));
    }
    if let Some(f) = case.jaren.get(&t) {
        if let Herkomst::Berekend { correcties, .. } = f.herkomst {
            if correcties.is_positive() && t >= Year::new(2021) {
                uitleg.push("Correcties: vanaf 2021 telt alleen het deel van de fouten en onzekerheden boven de rapporteringstolerantie (BADO) van de accountant.".into());
            }
        }
    }

    // --- Steps A–I and the years of the specification ---
    let stappen = crate::specificatie::stappen(case, &chosen_tiers, vangnetuitkering, tier_label);
    let vangnetuitkering = vangnetuitkering.map(geld);
    let eigen_risico = eigen_risico.map(geld);
    if stappen[0].bedrag.is_none() {
        waarschuwingen.push(format!(
            "Voor {t} is het tekort direct opgegeven; stappen A tot en met D (lasten, baten, correcties) zijn daarom leeg. Geef lasten en baten op voor de volledige specificatie."
        ));
    }
    let jaren = crate::specificatie::jaren(case);

    Ok(VangnetResult {
        jaar: t,
        gemeente: case.gemeente.clone(),
        inwoners: case.inwoners,
        opmerking: case.opmerking.clone(),
        regel: rule.id.clone(),
        regel_titel: rule.titel.clone(),
        status,
        budget: b,
        tekort,
        tekort_percentage: pct,
        drempel_percentage: show_drempel,
        drempel_bedrag: money::round_to_cents(show_drempel_bedrag),
        voorwaarde_a: show_a,
        meerjarig_jaren,
        meerjarig_tekort,
        meerjarig_percentage,
        meerjarig_drempel_percentage: rule.meerjarig.as_ref().map(|m| m.percentage),
        meerjarig_drempel_bedrag: meerjarig_drempel_bedrag.map(money::round_to_cents),
        voorwaarde_b: show_b,
        verlaagde_drempel: verlaagde,
        route,
        aanhoudend_tekort,
        recht,
        vangnetuitkering,
        vangnetuitkering_indien_recht: geld(uitkering_afgerond),
        eigen_risico,
        formulier,
        instemming_raad: rule.procedure.instemming_raad,
        uiterste_indiendatum: deadline,
        jaren,
        treden: chosen_tiers,
        stappen,
        uitleg,
        bronnen,
        waarschuwingen,
        onbevestigd,
    })
}

fn cite_tier(cite: &mut impl FnMut(&str), regular: &[Trede], ext: &Option<crate::table::VerlaagdeDrempel>, tr: &TredeUitkomst) {
    let all = regular.iter().chain(ext.iter().flat_map(|v| v.treden.iter()));
    for t in all {
        if t.van == tr.van_percentage && t.tot == tr.tot_percentage && t.vergoeding == tr.vergoeding_percentage {
            cite(&t.bron);
            return;
        }
    }
}
