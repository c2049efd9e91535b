//! The "Notitie vangnet t" (SPEC §5, model: seed 002, Deventer 2023): the
//! decision asked of the council, conditions a–e with their numbers, the
//! financial consequences, the causes (the caseload of t-2..t from the
//! spells, counted by [`buig_bestand`]) and the measures (the action plan,
//! [`buig_plan`]) — or "in te vullen" boxes without them —, the raadsvoorstel
//! and the draft raadsbesluit (the same decision points as "Gevraagd besluit":
//! conditional while the engine leaves a condition unknown, without a request
//! when one fails), and two appendices (the shortfall per year; the
//! commission's steps A–I with sources and rule status).
//!
//! Nothing is computed here. The years' figures come from the budget view
//! ([`buig_prognose::budgetoverzicht`]); the vangnet from
//! [`buig_rules::bereken_bestand`], the call `buig vangnet` makes, fed with
//! the same years the budget view feeds it (checked: the payout and the
//! right must agree with the budget view's vangnet position). Unknown
//! figures are written "onbekend", never estimated.

use buig_bestand::{uitsplitsing, Maand, Per, Punt, Splitsing, Vraag, DUUR_BANDEN, LEEFTIJD_BANDEN};
use buig_core::records::{BudgetSoort, Uitkering};
use std::collections::BTreeMap;

use buig_core::{nl, GemeenteCode, Money, Year};
use buig_prognose::budget::{BudgetJaar, BudgetOverzicht};
use buig_prognose::Gegevens;
use buig_rules::{CaseFile, Rule, RuleTable, Status, VangnetResult, YearInput};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::doc::{gewoon, met_kop, Blok, Document, Tabel, Tekst};
use crate::monitor::{duur_tekst, gestapeld, getal, kwartaal_label, kwartaal_op, leeftijd_tekst, met_teken, stroom_blokken};
use crate::RapportFout;

/// What the notitie is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotitieVraag {
    pub jaar: Year,
    /// Only decisions dated and months ended on or before this day count.
    pub peildatum: Option<Date>,
    /// The date printed on the document.
    pub datum: Date,
}

/// The notitie with the figures it was built from.
#[derive(Debug, Clone)]
pub struct NotitieVangnet {
    pub resultaat: VangnetResult,
    pub overzicht: BudgetOverzicht,
    /// `realisatie` or `prognose`: the stage of year t's figures.
    pub stadium: String,
    pub document: Document,
}

/// One year's figures as the budget view has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct JaarStaat {
    budget: Option<Money>,
    lasten: Option<Money>,
    baten: Option<Money>,
    netto: Option<Money>,
    tekort: Option<Money>,
    /// Percent, as the view gives it (two decimals or as the source stated it).
    percentage: Option<Decimal>,
    bron: Option<String>,
}

const ONBEKEND: &str = "onbekend";

fn euro_of(m: Option<Money>) -> String {
    m.map(nl::money).unwrap_or_else(|| ONBEKEND.into())
}

fn jaren_tekst(years: &[Year]) -> String {
    let names: Vec<String> = years.iter().map(Year::to_string).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{} en {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// Keeps only what was known on the peildatum: decisions dated after it and
/// months ending after it are left out (undated decisions stay).
pub(crate) fn tot_peildatum(g: &Gegevens, peildatum: Option<Date>) -> Gegevens {
    let mut g = g.clone();
    if let Some(p) = peildatum {
        g.budgetten.retain(|b| !matches!(b.datum, Some(d) if d > p));
        g.realisatie.retain(|r| Date::new(r.jaar.get() as i16, r.maand as i8, 1).map(|d| d.last_of_month() <= p).unwrap_or(false));
    }
    g
}

/// The years condition b needs whose shortfall is not known as an amount.
fn ontbrekende_jaren(r: &VangnetResult) -> Vec<Year> {
    let mut jaren: Vec<Year> = r.meerjarig_jaren.iter().copied().filter(|y| !r.jaren.iter().any(|j| j.jaar == *y)).collect();
    if r.route == "verlaagde drempel" {
        jaren.extend(r.verlaagde_drempel.iter().flat_map(|v| v.jaren_onbekend.iter().copied()));
    }
    jaren.sort();
    jaren.dedup();
    jaren
}

/// What is missing for each year, in words: "over 2022 is alleen een percentage bekend (9,90%), geen bedrag".
fn zonder_bedrag(g: &Gegevens, o: &BudgetOverzicht, jaren: &[Year]) -> Vec<String> {
    jaren
        .iter()
        .map(|y| match staat(g, o, *y).percentage {
            Some(p) => format!("over {y} is alleen een percentage bekend ({}%), geen bedrag", nl::getal(p, 2)),
            None => format!("over {y} ontbreekt het tekort"),
        })
        .collect()
}

/// The condition the engine left undecided, as the decision points name it;
/// `None` when the right is known. Condition a is always decided (year t is
/// required), so an unknown right is an unknown condition b (the multi-year
/// shortfall, or the reduced threshold's years).
fn open_voorwaarde(r: &VangnetResult) -> Option<&'static str> {
    match r.recht {
        Some(_) => None,
        None => Some("voorwaarde b"),
    }
}

/// The financial conditions known to fail, with the verb: "voorwaarde a (…) niet vervuld is".
fn niet_vervuld(r: &VangnetResult) -> String {
    let mut v = Vec::new();
    if !r.voorwaarde_a {
        v.push(format!(
            "voorwaarde a (een tekort over {} van méér dan {} van het definitieve budget)",
            r.jaar,
            nl::rule_percentage(r.drempel_percentage)
        ));
    }
    if r.voorwaarde_b == Some(false) {
        v.push("voorwaarde b (het meerjarige tekort)".to_string());
    }
    match v.len() {
        0 => "niet aan de financiële voorwaarden is voldaan".to_string(),
        1 => format!("{} niet vervuld is", v[0]),
        _ => format!("{} niet vervuld zijn", jaren_tekst_s(&v)),
    }
}

fn kleine_letter(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

fn staat(g: &Gegevens, o: &BudgetOverzicht, y: Year) -> JaarStaat {
    let Some(j) = o.jaren.iter().find(|j| j.jaar == y) else {
        return JaarStaat::default();
    };
    let definitief = j.beschikkingen.iter().find(|b| b.soort == BudgetSoort::Definitief).map(|b| b.bedrag);
    // The view's result is budget − net costs, so the budget it used is net + result.
    let budget = match (j.netto_lasten, j.resultaat) {
        (Some(n), Some(r)) => Some(n + r),
        _ => definitief,
    };
    let (lasten, baten) = if j.maanden == 12 {
        let maanden = g.realisatie.iter().filter(|r| r.jaar == y);
        let (l, b) = maanden.fold((Money::ZERO, Money::ZERO), |(l, b), r| (l + r.lasten, b + r.baten));
        (Some(l), Some(b))
    } else {
        (None, None)
    };
    let bron = j
        .netto_bron
        .clone()
        .or_else(|| g.jaarcijfers.iter().find(|c| c.jaar == y && c.stadium == "realisatie").map(|c| format!("jaarcijfers: {}", c.bron)));
    JaarStaat { budget, lasten, baten, netto: j.netto_lasten, tekort: j.resultaat.map(|r| -r), percentage: j.tekort_percentage, bron }
}

/// Builds the notitie for `vraag.jaar` from a gemeente's data, without
/// spells or plan: causes and measures stay "in te vullen".
pub fn notitie_vangnet(gegevens: &Gegevens, vraag: &NotitieVraag) -> Result<NotitieVangnet, RapportFout> {
    notitie_vangnet_met(gegevens, &[], None, vraag)
}

/// Builds the notitie for `vraag.jaar`. With `spells` the section "Oorzaken
/// van het tekort" shows the caseload of t-2..t per quarter (stand, flows,
/// duration, age — counted by [`buig_bestand`]); with `plan` the section
/// "Maatregelen" lists its actions per action line, its target against the
/// change since the nulmeting, and whether a basic or extended request
/// applies. Without either, that part stays "in te vullen".
pub fn notitie_vangnet_met(
    gegevens: &Gegevens,
    spells: &[Uitkering],
    plan: Option<&buig_plan::Overzicht>,
    vraag: &NotitieVraag,
) -> Result<NotitieVangnet, RapportFout> {
    notitie_vangnet_landelijk(gegevens, spells, plan, None, vraag)
}

/// As [`notitie_vangnet_met`], and with `landelijk` — every gemeente's
/// caseload per quarter, counted with [`oorzaken_vraag`] (e.g. with
/// [`buig_bestand::PerGemeente`]) — the causes set the gemeente's stock
/// against Nederland as an index and its duration bands against the national
/// shares. "Nederland" is the other gemeenten in the database whose data cover
/// every quarter; with fewer than 5 of them the comparison is left out, with
/// the reason.
pub fn notitie_vangnet_landelijk(
    gegevens: &Gegevens,
    spells: &[Uitkering],
    plan: Option<&buig_plan::Overzicht>,
    landelijk: Option<&BTreeMap<GemeenteCode, buig_bestand::Reeks>>,
    vraag: &NotitieVraag,
) -> Result<NotitieVangnet, RapportFout> {
    let t = vraag.jaar;
    let rule = RuleTable::bundled().rule_for(t).map_err(buig_rules::VangnetError::from)?;
    let g = tot_peildatum(gegevens, vraag.peildatum);
    let overzicht = buig_prognose::budgetoverzicht(&g);
    let naam = g.naam.clone().or_else(|| g.gemeente.map(|c| c.to_string())).unwrap_or_else(|| "gemeente".into());
    let wie = match (&g.naam, g.gemeente) {
        (Some(n), Some(c)) => format!("{n} ({c})"),
        _ => naam.clone(),
    };

    // --- The figures of year t: realised, else a prognosis, else refuse ---
    let eigen = staat(&g, &overzicht, t);
    let (stadium, budget_t, tekort_t) = match (eigen.budget, eigen.tekort) {
        (Some(b), Some(tk)) => ("realisatie", b, tk),
        _ => match g.jaarcijfers.iter().find(|c| c.jaar == t && c.stadium == "prognose") {
            Some(c) if c.budget.is_some() && c.tekort.is_some() => ("prognose", c.budget.unwrap_or_default(), c.tekort.unwrap_or_default()),
            _ => {
                return Err(RapportFout::Gegevens(format!(
                    "voor {wie} zijn het definitieve budget en het tekort over {t} niet bekend{}: importeer de beschikking en de realisatie (buig import budget/realisatie) of leg het jaar vast met buig jaarcijfer",
                    vraag.peildatum.map(|p| format!(" op peildatum {}", nl::date_long(p))).unwrap_or_default()
                )))
            }
        },
    };

    // --- The vangnet: the same case the budget view builds, through the same call as `buig vangnet` ---
    let mut file = CaseFile { jaar: t.get(), gemeente: g.naam.clone(), vangnet_verleend: g.vangnet_verleend.clone(), ..Default::default() };
    file.jaren.insert(t.to_string(), YearInput { budget: Some(budget_t), tekort: Some(tekort_t), ..Default::default() });
    for back in 1..=3 {
        let y = t.offset(-back);
        let s = staat(&g, &overzicht, y);
        if let (Some(b), Some(tk)) = (s.budget, s.tekort) {
            file.jaren.insert(y.to_string(), YearInput { budget: Some(b), tekort: Some(tk), ..Default::default() });
        }
    }
    let r = buig_rules::bereken_bestand(file)?;
    if let Some(v) = overzicht.jaren.iter().find(|j| j.jaar == t).and_then(|j: &BudgetJaar| j.vangnet.as_ref()) {
        if v.recht != r.recht || v.vangnetuitkering != r.vangnetuitkering {
            return Err(RapportFout::Gegevens(format!(
                "interne fout: de vangnetpositie {t} van het budgetoverzicht wijkt af van de berekening voor de notitie ({:?}/{:?} tegen {:?}/{:?})",
                v.recht, v.vangnetuitkering, r.recht, r.vangnetuitkering
            )));
        }
    }

    let deadline =
        Date::strptime("%Y-%m-%d", &r.uiterste_indiendatum).map(nl::date_long).unwrap_or_else(|_| r.uiterste_indiendatum.clone());
    let bedrag_indien = nl::euro(r.vangnetuitkering_indien_recht);
    let uitkering_tekst = match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => nl::euro(x),
        (Some(false), _) => "geen (geen recht)".to_string(),
        _ => format!("onbekend; indien voorwaarde b vervuld is: {bedrag_indien}"),
    };
    let oordeel = |b: Option<bool>| match b {
        Some(true) => "vervuld",
        Some(false) => "niet vervuld",
        None => "onbekend",
    };

    let mut blokken = Vec::new();

    // --- Gevraagd besluit: the same points as the raadsvoorstel and the raadsbesluit ---
    blokken.push(Blok::Kop1("Gevraagd besluit".into()));
    let kennis = format!(
        "Kennis te nemen van het tekort op de BUIG over {t} van {} ({} van het definitieve budget {t} van {})",
        nl::money(tekort_t),
        nl::percentage(r.tekort_percentage),
        nl::money(budget_t)
    );
    // The condition the engine left undecided (`null`): the points that depend on it are conditional.
    let voorbehoud = open_voorwaarde(&r);
    let onder_voorbehoud = |rest: String| -> Tekst {
        match voorbehoud {
            Some(v) => met_kop(format!("Onder voorbehoud dat {v} vervuld is: "), kleine_letter(&rest)),
            None => gewoon(rest),
        }
    };
    let mut besluit = Vec::new();
    if r.recht == Some(false) {
        besluit.push(gewoon(format!("{kennis}.")));
        besluit.push(gewoon(format!(
            "Kennis te nemen van het feit dat over {t} geen recht bestaat op een vangnetuitkering, omdat {}; het college dient daarom geen aanvraag vangnetuitkering {t} in.",
            niet_vervuld(&r)
        )));
    } else {
        let e_deel = if r.aanhoudend_tekort {
            ", met de aanvullende interne en externe maatregelen bij een aanhoudend tekort (voorwaarde e)"
        } else {
            ""
        };
        let plan_deel = plan.map(|p| format!(", zoals uitgewerkt in het {}", p.titel)).unwrap_or_default();
        if r.instemming_raad {
            besluit.push(gewoon(format!(
                "In te stemmen met de verklaring van het college over de maatregelen die zijn getroffen om tot tekortreductie op de BUIG te komen{plan_deel} (voorwaarde d){e_deel}."
            )));
        } else {
            besluit.push(gewoon(format!(
                "Kennis te nemen van de verklaring van het college over de maatregelen die zijn getroffen om tot tekortreductie op de BUIG te komen{plan_deel}{e_deel}; voor {t} is instemming van de raad niet vereist."
            )));
        }
        match (r.recht, r.vangnetuitkering) {
            (Some(true), Some(x)) => besluit
                .push(gewoon(format!("{kennis}, en van de vangnetuitkering van {} die daarover kan worden aangevraagd.", nl::euro(x)))),
            _ => {
                besluit.push(gewoon(format!("{kennis}.")));
                besluit.push(onder_voorbehoud(format!(
                    "Kennis te nemen van de vangnetuitkering van {bedrag_indien} die over {t} kan worden aangevraagd."
                )));
            }
        }
        besluit.push(onder_voorbehoud(format!(
            "Het college in staat te stellen de aanvraag vangnetuitkering {t} ({}) uiterlijk op {deadline} in te dienen bij de Toetsingscommissie vangnet Participatiewet.",
            r.formulier
        )));
    }
    blokken.push(Blok::Lijst { genummerd: true, items: besluit.clone() });

    // --- Kerncijfers ---
    blokken.push(Blok::Kop1("Kerncijfers".into()));
    let mut kern = vec![
        vec![format!("Definitief budget {t}"), nl::money(budget_t)],
        vec![format!("Tekort {t}"), nl::money(tekort_t)],
        vec!["Tekort in % van het budget".into(), nl::percentage(r.tekort_percentage)],
        vec![format!("Drempel voorwaarde a ({})", nl::rule_percentage(r.drempel_percentage)), nl::euro(r.drempel_bedrag)],
    ];
    if !r.meerjarig_jaren.is_empty() {
        kern.push(vec![
            format!("Gecumuleerd tekort {}", jaren_tekst(&r.meerjarig_jaren)),
            match (r.meerjarig_tekort, r.meerjarig_percentage) {
                (Some(m), Some(p)) => format!("{} ({})", nl::money(m), nl::percentage(p)),
                _ => ONBEKEND.into(),
            },
        ]);
    }
    kern.push(vec!["Vangnetuitkering".into(), uitkering_tekst.clone()]);
    kern.push(vec!["Eigen risico gemeente".into(), r.eigen_risico.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())]);
    kern.push(vec!["Aanvraagformulier".into(), r.formulier.clone()]);
    kern.push(vec!["Uiterste indiendatum".into(), deadline.clone()]);
    blokken.push(Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Waarde".into()], rijen: kern, rechts: vec![false, true] }));

    // --- Voorwaarden a–e ---
    blokken.push(Blok::Kop1(format!("Voorwaarden voor de vangnetuitkering {t}")));
    blokken.push(Blok::Alinea(gewoon(format!(
        "Om over {t} in aanmerking te komen voor een vangnetuitkering moet worden voldaan aan de volgende financiële (a, b) en procedurele (c–e) voorwaarden."
    ))));
    let mut vw = Vec::new();
    vw.push(met_kop(
        format!("a. Tekort over {t} — {}. ", oordeel(Some(r.voorwaarde_a))),
        format!(
            "Het tekort over {t} moet méér bedragen dan {} van het definitieve budget {t}, dat is {}. Het tekort is {} ({}).",
            nl::rule_percentage(r.drempel_percentage),
            nl::euro(r.drempel_bedrag),
            nl::money(tekort_t),
            nl::percentage(r.tekort_percentage)
        ),
    ));
    let b_tekst = match (&rule.meerjarig, &r.verlaagde_drempel) {
        (_, Some(v)) if r.route == "verlaagde drempel" => format!(
            "Verlaagde drempel: een tekort van ten minste {} van het eigen budget in de jaren {}. Dat haalt: {}{}.",
            nl::rule_percentage(v.minimum_percentage),
            jaren_tekst(&v.jaren),
            if v.jaren_met_tekort.is_empty() { "geen".to_string() } else { jaren_tekst(&v.jaren_met_tekort) },
            if v.jaren_onbekend.is_empty() { String::new() } else { format!("; onbekend: {}", jaren_tekst(&v.jaren_onbekend)) }
        ),
        (None, _) => format!("Voor {t} geldt geen meerjarige voorwaarde."),
        (Some(m), _) => {
            let mut s = format!(
                "Het gecumuleerde tekort over {} (overschotten tellen negatief) moet méér bedragen dan {} van alleen het definitieve budget {t}, dat is {}. ",
                jaren_tekst(&r.meerjarig_jaren),
                nl::rule_percentage(m.percentage),
                r.meerjarig_drempel_bedrag.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())
            );
            match (r.meerjarig_tekort, r.meerjarig_percentage) {
                (Some(sum), Some(p)) => {
                    let delen: Vec<String> = r
                        .jaren
                        .iter()
                        .filter(|j| r.meerjarig_jaren.contains(&j.jaar))
                        .map(|j| format!("{}: {}", j.jaar, nl::money(j.tekort)))
                        .collect();
                    s.push_str(&format!(
                        "{} geeft samen {}, dat is {} van het budget {t}.",
                        delen.join(" + "),
                        nl::money(sum),
                        nl::percentage(p)
                    ));
                }
                _ => {
                    let missend = zonder_bedrag(&g, &overzicht, &ontbrekende_jaren(&r));
                    s.push_str(&format!(
                        "Dit is niet vast te stellen: {}. Een percentage van het eigen budget van een eerder jaar is niet op te tellen bij het budget {t}; vul het bedrag aan (jaarrekening, SiSa-bijlage) voordat de aanvraag wordt ingediend.",
                        missend.join("; ")
                    ));
                }
            }
            s
        }
    };
    vw.push(met_kop(format!("b. Meerjarig tekort — {}. ", oordeel(r.voorwaarde_b)), b_tekst.clone()));
    vw.push(met_kop(
        "c. Tijdige aanvraag — nog te doen. ".to_string(),
        format!(
            "Het college dient het verzoek uiterlijk op {deadline} in bij de Toetsingscommissie vangnet Participatiewet, op het voorgeschreven aanvraagformulier ({}).",
            r.formulier
        ),
    ));
    vw.push(if r.instemming_raad {
        met_kop(
            "d. Verklaring met instemming van de raad — ter instemming (dit voorstel). ".to_string(),
            "Het college verklaart dat het maatregelen heeft getroffen om tot tekortreductie te komen en licht die toe: de oorzaken van het tekort, de interne en externe maatregelen en hun beoogde effect. Deze verklaring heeft de instemming van de gemeenteraad nodig.".to_string(),
        )
    } else {
        met_kop(
            "d. Verklaring van het college — informeren volstaat. ".to_string(),
            format!("Het college verklaart welke maatregelen zijn getroffen; voor {t} volstaat het informeren van de raad."),
        )
    });
    let e = match &rule.aanhoudend {
        None => met_kop(
            "e. Aanhoudend tekort — niet van toepassing. ",
            format!("Deze voorwaarde bestaat voor {t} nog niet; een basisverzoek volstaat."),
        ),
        Some(a) => {
            let window: Vec<Year> = Year::range(t.offset(-a.jaren_terug), t.offset(-1)).collect();
            match &g.vangnet_verleend {
                _ if r.aanhoudend_tekort => {
                    let verleend = g.vangnet_verleend.clone().unwrap_or_default();
                    let hits: Vec<Year> = window.iter().copied().filter(|y| verleend.contains(&y.get())).collect();
                    met_kop(
                        "e. Aanhoudend tekort — van toepassing: uitgebreid verzoek. ",
                        format!("Over {} is een vangnetuitkering verleend. Het college moet daarom verklaren welke aanvullende interne en externe maatregelen zijn getroffen om tot verdere tekortreductie te komen.", jaren_tekst(&hits)),
                    )
                }
                None => met_kop(
                    "e. Aanhoudend tekort — aangenomen: niet van toepassing. ",
                    format!("Niet opgegeven of over {} een vangnetuitkering is verleend; aangenomen is van niet (basisverzoek). Controleer dit: is die wel verleend, dan is een uitgebreid verzoek nodig met aanvullende interne en externe maatregelen.", jaren_tekst(&window)),
                ),
                Some(_) => met_kop(
                    "e. Aanhoudend tekort — niet van toepassing. ",
                    format!("Over {} is geen vangnetuitkering verleend: een basisverzoek volstaat.", jaren_tekst(&window)),
                ),
            }
        }
    };
    vw.push(e);
    blokken.push(Blok::Lijst { genummerd: false, items: vw });

    // --- Financiële consequenties ---
    blokken.push(Blok::Kop1("Financiële consequenties".into()));
    let basis = if stadium == "prognose" { "de prognose" } else { "de realisatie" };
    let fin = match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => format!(
            "Op basis van {basis} over {t} kan de gemeente {naam} {} aan vangnetuitkering over dat jaar aanvragen. Het tekort is hoger dan {} ({}). Het eigen risico van de gemeente is {}.",
            nl::euro(x),
            nl::rule_percentage(r.drempel_percentage),
            nl::money(tekort_t),
            r.eigen_risico.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())
        ),
        (Some(false), _) => format!(
            "Over {t} is er geen recht op een vangnetuitkering; het tekort van {} komt volledig voor rekening van de gemeente.",
            nl::money(tekort_t.max(Money::ZERO))
        ),
        _ => format!(
            "Of de gemeente {naam} over {t} recht heeft op een vangnetuitkering, is met de beschikbare cijfers niet vast te stellen: voorwaarde b is onbekend. Indien voorwaarde b vervuld is, bedraagt de vangnetuitkering {bedrag_indien}. Dit bedrag is pas zeker als de ontbrekende jaren zijn aangevuld."
        ),
    };
    blokken.push(Blok::Alinea(gewoon(fin.clone())));
    if r.status == Status::Onbevestigd {
        blokken.push(Blok::Alinea(gewoon(format!(
            "De uitkomst steunt op regels die nog niet aan de wettekst zijn getoetst ({}); zie bijlage 2.",
            r.onbevestigd.join("; ")
        ))));
    }

    // --- Oorzaken: the caseload from the spells; else to be filled in ---
    blokken.push(Blok::Kop1("Oorzaken van het tekort".into()));
    if spells.is_empty() {
        blokken.push(Blok::Kader {
            titel: "In te vullen".into(),
            items: vec!["Oorzaken van het tekort (vraag A van het aanvraagformulier): bijvoorbeeld het budgetaandeel, de samenstelling van het bestand en de dienstverlening.".to_string()],
        });
    } else {
        blokken.extend(oorzaken_blokken(spells, t, vraag.peildatum, &naam, landelijk.map(|alle| (alle, g.gemeente)))?);
    }

    // --- Maatregelen: the action plan; else to be filled in ---
    blokken.push(Blok::Kop1("Maatregelen".into()));
    match plan {
        Some(p) => blokken.extend(maatregelen_blokken(p, spells, vraag.peildatum, &r, t)),
        None => {
            let mut in_te_vullen = vec![
                "Getroffen interne en externe maatregelen (vraag B).".to_string(),
                "Het beoogde effect van de maatregelen op het tekort, kwantitatief of kwalitatief beschreven (vraag C).".to_string(),
            ];
            if r.aanhoudend_tekort {
                in_te_vullen.push(
                    "Aanvullende interne en externe maatregelen wegens het aanhoudende tekort (voorwaarde e, uitgebreid verzoek)."
                        .to_string(),
                );
            }
            blokken.push(Blok::Kader { titel: "In te vullen".into(), items: in_te_vullen });
        }
    }
    if spells.is_empty() || plan.is_none() {
        blokken.push(Blok::Alinea(gewoon(
            "Wat hierboven \"in te vullen\" is, vult de gemeente zelf in, totdat de uitkeringen en het aanvalsplan in de BUIG-monitor staan.",
        )));
    }
    blokken.push(Blok::Alinea(gewoon(
        "Met de instemming bevestigt de raad dat het college de oorzaken, het pakket maatregelen en de beoogde tekortreductie voldoende duidelijk heeft gemaakt.",
    )));

    // --- Warnings ---
    let mut waarschuwingen: Vec<String> = Vec::new();
    if stadium == "prognose" {
        waarschuwingen
            .push(format!("Prognose: het tekort en het budget {t} zijn een raming, geen realisatie. Gebruik deze notitie als concept."));
    }
    // The library's warnings, minus those that name case-file keys: said here in the council's words.
    for y in r.meerjarig_jaren.iter().filter(|y| !r.jaren.iter().any(|j| j.jaar == **y)) {
        waarschuwingen
            .push(format!("Het tekort over {y} is niet als bedrag bekend: voorwaarde b is daardoor niet te toetsen (zie bijlage 1)."));
    }
    if rule.aanhoudend.is_some() && g.vangnet_verleend.is_none() {
        waarschuwingen.push("Niet opgegeven in welke jaren een vangnetuitkering is verleend (buig rapport … --verleend JAAR of --verleend geen): aangenomen is een basisverzoek.".to_string());
    }
    if r.stappen.first().is_some_and(|s| s.bedrag.is_none()) {
        waarschuwingen.push(format!(
            "Lasten, baten en correcties over {t} zijn niet afzonderlijk bekend: stappen A tot en met D in bijlage 2 zijn daarom leeg."
        ));
    }
    for w in &r.waarschuwingen {
        let eigen = w.contains("ontbreekt (jaren.") || w.starts_with("vangnet_verleend") || w.contains("stappen A tot en met D");
        if !eigen && !waarschuwingen.contains(w) {
            waarschuwingen.push(w.clone());
        }
    }
    if !waarschuwingen.is_empty() {
        blokken.push(Blok::Kop1("Let op".into()));
        blokken.push(Blok::Kader { titel: "Controleer vóór indiening".into(), items: waarschuwingen });
    }

    // --- Raadsvoorstel and ontwerpbesluit (model: seed 002), each on a new page ---
    let ontbrekend = ontbrekende_jaren(&r);
    let voorstel = Voorstel {
        naam: &naam,
        t,
        datum: vraag.datum,
        r: &r,
        rule,
        besluit: &besluit,
        budget_t,
        tekort_t,
        prognose: stadium == "prognose",
        plan,
        zonder_oorzaken: spells.is_empty(),
        financieel: &fin,
        deadline: &deadline,
        bedrag_indien: &bedrag_indien,
        missend: zonder_bedrag(&g, &overzicht, &ontbrekend),
        ontbrekend,
        b_tekst: &b_tekst,
        verleend_onbekend: rule.aanhoudend.is_some() && g.vangnet_verleend.is_none(),
    };
    blokken.push(Blok::Pagina);
    blokken.extend(raadsvoorstel(&voorstel));
    blokken.push(Blok::Pagina);
    blokken.extend(ontwerpbesluit(&naam, t, vraag.datum, besluit));

    // --- Bijlage 1: specification per year ---
    blokken.push(Blok::Pagina);
    blokken.push(Blok::Kop1("Bijlage 1 — Specificatie van het tekort per jaar".into()));
    let eerste = r.meerjarig_jaren.first().copied().unwrap_or(t).min(t.offset(-2));
    let mut rijen = Vec::new();
    for y in Year::range(eerste, t) {
        let s = if y == t && stadium == "prognose" {
            JaarStaat { budget: Some(budget_t), tekort: Some(tekort_t), bron: Some("prognose".into()), ..Default::default() }
        } else {
            staat(&g, &overzicht, y)
        };
        let pct = if y == t {
            nl::percentage(r.tekort_percentage)
        } else {
            s.percentage.map(|p| format!("{}%", nl::getal(p, 2))).unwrap_or_else(|| ONBEKEND.into())
        };
        rijen.push(vec![
            y.to_string(),
            euro_of(s.budget),
            euro_of(s.lasten),
            euro_of(s.baten),
            euro_of(s.netto),
            euro_of(s.tekort),
            pct,
            s.bron.unwrap_or_else(|| "—".into()),
        ]);
    }
    blokken.push(Blok::Tabel(Tabel {
        kop: ["Jaar", "Definitief budget", "Lasten", "Baten", "Netto lasten", "Tekort", "Tekort in %", "Bron"].map(String::from).to_vec(),
        rijen,
        rechts: vec![false, true, true, true, true, true, true, false],
    }));
    blokken.push(Blok::Alinea(gewoon(
        "Tekort = netto lasten (lasten − baten) − definitief budget; een negatief tekort is een overschot. Het percentage is het tekort gedeeld door het definitieve budget van hetzelfde jaar. \"onbekend\" betekent: niet in de gegevens; er is niets geschat.",
    )));
    if !r.meerjarig_jaren.is_empty() {
        blokken.push(Blok::Alinea(gewoon(format!(
            "Gecumuleerd tekort {} (voorwaarde b): {}; drempel {} van het definitieve budget {t} = {}.",
            jaren_tekst(&r.meerjarig_jaren),
            match (r.meerjarig_tekort, r.meerjarig_percentage) {
                (Some(m), Some(p)) => format!("{} ({} van het budget {t})", nl::money(m), nl::percentage(p)),
                _ => ONBEKEND.into(),
            },
            r.meerjarig_drempel_percentage.map(nl::rule_percentage).unwrap_or_default(),
            r.meerjarig_drempel_bedrag.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())
        ))));
    }

    // --- Bijlage 2: steps A–I, sources, rule status ---
    blokken.push(Blok::Pagina);
    blokken.push(Blok::Kop1("Bijlage 2 — Berekening van de vangnetuitkering".into()));
    blokken.push(Blok::Alinea(gewoon(format!(
        "De stappen zoals de Toetsingscommissie vangnet Participatiewet ze publiceert. Toegepaste regel: {} ({}); status van de uitkomst: {}{}.",
        r.regel_titel,
        r.regel,
        r.status,
        if r.route == "regulier" { String::new() } else { format!("; route: {}", r.route) }
    ))));
    let stap_rijen = r
        .stappen
        .iter()
        .map(|s| {
            let bedrag = match s.bedrag {
                Some(b) if s.symbool.starts_with('H') => nl::euro_cent(b),
                Some(b) => nl::euro(b),
                None if s.symbool == "I" => format!("onbekend; indien voorwaarde b vervuld: {bedrag_indien}"),
                None => ONBEKEND.into(),
            };
            vec![s.stap.clone(), s.symbool.clone(), s.omschrijving.clone(), bedrag]
        })
        .collect();
    blokken.push(Blok::Tabel(Tabel {
        kop: ["Stap", "Symbool", "Omschrijving", "Bedrag"].map(String::from).to_vec(),
        rijen: stap_rijen,
        rechts: vec![false, false, false, true],
    }));

    blokken.push(Blok::Kop2("Status van de regels".into()));
    let mut regels = vec![vec![
        "Drempel (voorwaarde a)".to_string(),
        format!("meer dan {} van B", nl::rule_percentage(rule.drempel.percentage)),
        rule.drempel.status.to_string(),
        rule.drempel.bron.clone(),
    ]];
    if let Some(m) = &rule.meerjarig {
        regels.push(vec![
            "Meerjarig tekort (voorwaarde b)".into(),
            format!("t-{}..t samen meer dan {} van B", m.jaren_terug, nl::rule_percentage(m.percentage)),
            m.status.to_string(),
            m.bron.clone(),
        ]);
    }
    for tr in &rule.treden {
        regels.push(vec![
            "Trede".into(),
            format!(
                "{} van het deel {} {}",
                nl::rule_percentage(tr.vergoeding),
                nl::rule_percentage(tr.van),
                tr.tot.map(|x| format!("tot {}", nl::rule_percentage(x))).unwrap_or_else(|| "en hoger".into())
            ),
            tr.status.to_string(),
            tr.bron.clone(),
        ]);
    }
    if let Some(v) = &rule.verlaagde_drempel {
        regels.push(vec![
            "Verlaagde drempel".into(),
            format!("meer dan {} van B", nl::rule_percentage(v.drempel.percentage)),
            v.drempel.status.to_string(),
            v.drempel.bron.clone(),
        ]);
    }
    if let Some(a) = &rule.aanhoudend {
        regels.push(vec![
            "Aanhoudend tekort (voorwaarde e)".into(),
            format!("verleend over t-{}..t-1", a.jaren_terug),
            a.status.to_string(),
            a.bron.clone(),
        ]);
    }
    regels.push(vec![
        "Procedure (voorwaarde d)".into(),
        if rule.procedure.instemming_raad { "instemming raad".into() } else { "informeren raad".into() },
        rule.procedure.status.to_string(),
        rule.procedure.bron.clone(),
    ]);
    regels.push(vec!["Indientermijn (voorwaarde c)".into(), deadline.clone(), rule.termijn.status.to_string(), rule.termijn.bron.clone()]);
    blokken.push(Blok::Tabel(Tabel {
        kop: ["Regel", "Waarde", "Status", "Bron"].map(String::from).to_vec(),
        rijen: regels,
        rechts: vec![false, false, false, false],
    }));

    blokken.push(Blok::Kop2("Toelichting".into()));
    blokken.push(Blok::Lijst { genummerd: false, items: r.uitleg.iter().map(|u| gewoon(u.clone())).collect() });
    blokken.push(Blok::Kop2("Bronnen".into()));
    blokken.push(Blok::Lijst { genummerd: false, items: r.bronnen.iter().map(|b| gewoon(b.clone())).collect() });

    let titel = format!("Notitie vangnet {t} — {naam}");
    let mut kenmerken = vec![("Gemeente".to_string(), wie.clone()), ("Datum".to_string(), nl::date_long(vraag.datum))];
    if let Some(p) = vraag.peildatum {
        kenmerken.push(("Peildatum".into(), nl::date_long(p)));
    }
    kenmerken.push(("Cijfers".into(), if stadium == "prognose" { "prognose (concept)".into() } else { "realisatie".into() }));
    kenmerken.push(("Regel".into(), format!("{} ({}), {}", r.regel_titel, r.regel, r.status)));
    let document = Document { voettekst: format!("{titel} — pagina "), titel, kenmerken, blokken };
    Ok(NotitieVangnet { resultaat: r, overzicht, stadium: stadium.to_string(), document })
}

/// `b − a` as a percentage of `a`, one decimal, with sign: `+4,0%`. `None` when `a` is 0.
fn groei_pct(a: u64, b: u64) -> Option<String> {
    if a == 0 {
        return None;
    }
    let p = (Decimal::from(b as i64 - a as i64) * Decimal::from(100) / Decimal::from(a)).round_dp(1);
    Some(format!("{}{}%", if p.is_sign_positive() && !p.is_zero() { "+" } else { "" }, nl::getal(p, 1)))
}

/// `a` as a share of `b`, one decimal: `31,4%`.
fn aandeel(a: u64, b: u64) -> String {
    if b == 0 {
        return "–".into();
    }
    format!("{}%", nl::getal((Decimal::from(a) * Decimal::from(100) / Decimal::from(b)).round_dp(1), 1))
}

/// `eind 2023` for a fourth quarter, else `eind K2 2023`.
fn eind_label(p: &Punt) -> String {
    match p.periode.strip_suffix("-K4") {
        Some(j) => format!("eind {j}"),
        None => format!("eind {}", kwartaal_label(&p.periode)),
    }
}

/// The caseload of t-2..t per quarter, as the kwartaalmonitor shows it
/// (the same `buig_bestand` counts and chart builders), plus K4 of t-3 as the
/// starting stock. The series stops at the last complete quarter up to the
/// peildatum.
/// The caseload question of the causes: per quarter from the fourth quarter
/// of t-3 (the starting stock) up to the end of t, or to the last complete
/// quarter up to the peildatum. Count every gemeente with it for
/// [`notitie_vangnet_landelijk`].
pub fn oorzaken_vraag(t: Year, peildatum: Option<Date>) -> Result<Vraag, RapportFout> {
    let jaar_einde = Date::new(t.get() as i16, 12, 31).map_err(|e| RapportFout::Gegevens(e.to_string()))?;
    let einde = match peildatum {
        Some(p) if p < jaar_einde => kwartaal_op(t, p).map(|(_, e)| e).unwrap_or_else(|| jaar_einde.saturating_sub(jiff::ToSpan::years(1))),
        _ => jaar_einde,
    };
    let van = Maand::new((t.get() - 3) as i16, 10).ok_or_else(|| RapportFout::Gegevens(format!("jaar {t} valt buiten het bereik")))?;
    Vraag::new(van, Maand::van_datum(einde), Per::Kwartaal).map_err(RapportFout::Gegevens)
}

/// Nederland over the causes' quarters: the other gemeenten whose data cover every quarter.
struct Landelijk {
    /// How many gemeenten count.
    gemeenten: usize,
    /// Stock at the end of each quarter, summed.
    stand: Vec<u64>,
    /// Per duration band, the summed count at the end of the last quarter.
    duur_laatste: Vec<u64>,
}

impl Landelijk {
    /// Nederland over `periodes` (the causes' quarters) from every gemeente's series, without `eigen`.
    fn van(alle: &BTreeMap<GemeenteCode, buig_bestand::Reeks>, eigen: Option<GemeenteCode>, periodes: &[&str]) -> Landelijk {
        let mut l = Landelijk { gemeenten: 0, stand: vec![0; periodes.len()], duur_laatste: vec![0; DUUR_BANDEN.len()] };
        for (g, r) in alle {
            if Some(*g) == eigen {
                continue;
            }
            // A gemeente counts only when it has benefits at the end of every quarter:
            // otherwise its zeros would be missing data, not an empty caseload.
            let punten: Option<Vec<&Punt>> = periodes.iter().map(|p| r.punt(p).filter(|q| q.stand > 0)).collect();
            let Some(punten) = punten else { continue };
            l.gemeenten += 1;
            for (i, q) in punten.iter().enumerate() {
                l.stand[i] += q.stand;
            }
            if let Some(q) = punten.last() {
                for (i, band) in DUUR_BANDEN.iter().enumerate() {
                    l.duur_laatste[i] += q.duur[*band];
                }
            }
        }
        l
    }

    fn bruikbaar(&self) -> bool {
        self.gemeenten >= buig_bestand::MIN_GROEP
    }
}

/// `104,3`: a stock as an index on its first value.
fn index(waarde: u64, basis: u64) -> Option<f64> {
    (basis > 0).then(|| waarde as f64 * 100.0 / basis as f64)
}

fn index_tekst(x: Option<f64>) -> String {
    x.and_then(Decimal::from_f64_retain).map(|d| nl::getal(d.round_dp(1), 1)).unwrap_or_else(|| "–".into())
}

/// The stock as an index against Nederland: a sentence, a line chart and its table.
fn index_blokken(naam: &str, alle: &[Punt], nl_: &Landelijk) -> Vec<Blok> {
    let (Some(eerste), Some(laatste)) = (alle.first(), alle.last()) else { return Vec::new() };
    let eigen: Vec<Option<f64>> = alle.iter().map(|p| index(p.stand, eerste.stand)).collect();
    let land: Vec<Option<f64>> = nl_.stand.iter().map(|s| index(*s, nl_.stand[0])).collect();
    let mut b = vec![Blok::Alinea(gewoon(format!(
        "Ter vergelijking Nederland ({} andere gemeenten in de database met uitkeringen in elk kwartaal): het bestand ging daar van {} naar {} ({}). Als index ({} = 100) staat {} {} op {}, Nederland op {}.",
        nl_.gemeenten,
        getal(nl_.stand[0]),
        getal(*nl_.stand.last().unwrap_or(&0)),
        groei_pct(nl_.stand[0], *nl_.stand.last().unwrap_or(&0)).unwrap_or_else(|| "–".into()),
        kwartaal_label(&eerste.periode),
        naam,
        eind_label(laatste),
        index_tekst(*eigen.last().unwrap_or(&None)),
        index_tekst(*land.last().unwrap_or(&None)),
    )))];
    let mut g = buig_grafiek::Grafiek::new(
        format!("Bestand als index ({} = 100): {naam} en Nederland", kwartaal_label(&eerste.periode)),
        buig_grafiek::Soort::Lijn,
        buig_grafiek::Eenheid::Aantal,
    );
    g.x_labels = alle.iter().map(|p| kwartaal_label(&p.periode)).collect();
    g.reeksen.push(buig_grafiek::Reeks::new(naam, eigen.clone()));
    g.reeksen.push(buig_grafiek::Reeks { naam: "Nederland".into(), waarden: land.clone(), stijl: buig_grafiek::Stijl::Gestippeld });
    let rijen = alle
        .iter()
        .enumerate()
        .map(|(i, p)| vec![kwartaal_label(&p.periode), index_tekst(eigen[i]), index_tekst(land.get(i).copied().flatten())])
        .collect();
    b.extend(crate::doc::grafiek_met_tabel(
        g,
        Tabel { kop: vec!["Kwartaal".into(), naam.to_string(), "Nederland".into()], rijen, rechts: vec![false, true, true] },
    ));
    b
}

fn oorzaken_blokken(
    spells: &[Uitkering],
    t: Year,
    peildatum: Option<Date>,
    naam: &str,
    landelijk: Option<(&BTreeMap<GemeenteCode, buig_bestand::Reeks>, Option<GemeenteCode>)>,
) -> Result<Vec<Blok>, RapportFout> {
    let bv = oorzaken_vraag(t, peildatum)?;
    let reeks = buig_bestand::bereken(spells, &bv);
    let alle = &reeks.reeks;
    let periodes: Vec<&str> = alle.iter().map(|p| p.periode.as_str()).collect();
    let landelijk = landelijk.map(|(per_gemeente, eigen)| Landelijk::van(per_gemeente, eigen, &periodes));
    let landelijk = landelijk.as_ref();
    let (Some(eerste), Some(laatste)) = (alle.first(), alle.last()) else {
        return Ok(vec![Blok::Kader {
            titel: "In te vullen".into(),
            items: vec!["Oorzaken van het tekort (vraag A): er zijn geen kwartalen te tellen.".into()],
        }]);
    };
    // The flows, duration and age cover t-2..t; the stock starts one quarter earlier.
    let punten = if alle.len() > 1 { &alle[1..] } else { &alle[..] };
    let van_jaar = t.get() - 2;
    let mut b = Vec::new();
    b.push(Blok::Alinea(gewoon(format!(
        "De ontwikkeling van het bijstandsbestand over {van_jaar}–{t}, geteld uit de uitkeringen: de stand aan het einde van elk kwartaal, de instroom en uitstroom, de uitkeringsduur en de leeftijd. Andere oorzaken, zoals de ontwikkeling van het budgetaandeel en de dienstverlening, beschrijft de gemeente zelf (vraag A van het aanvraagformulier)."
    ))));

    // --- Stand ---
    b.push(Blok::Kop2("Omvang van het bestand".into()));
    let verschil = laatste.stand as i64 - eerste.stand as i64;
    let werkwoord = match verschil.signum() {
        1 => "groeide",
        -1 => "daalde",
        _ => "bleef gelijk:",
    };
    b.push(Blok::Alinea(gewoon(format!(
        "Het bestand {werkwoord} van {} {} naar {} {} ({}{}).",
        getal(eerste.stand),
        eind_label(eerste),
        getal(laatste.stand),
        eind_label(laatste),
        met_teken(verschil),
        groei_pct(eerste.stand, laatste.stand).map(|p| format!("; {p}")).unwrap_or_default()
    ))));
    let jaareinden: Vec<&Punt> = alle.iter().filter(|p| p.periode.ends_with("-K4") || std::ptr::eq(*p, laatste)).collect();
    let mut rijen = Vec::new();
    for (i, p) in jaareinden.iter().enumerate() {
        let vorig = i.checked_sub(1).map(|j| jaareinden[j]);
        rijen.push(vec![
            eind_label(p),
            getal(p.stand),
            vorig.map(|v| met_teken(p.stand as i64 - v.stand as i64)).unwrap_or_else(|| "–".into()),
            vorig.and_then(|v| groei_pct(v.stand, p.stand)).unwrap_or_else(|| "–".into()),
        ]);
    }
    b.push(Blok::Tabel(Tabel {
        kop: vec!["Moment".into(), "Uitkeringen".into(), "Verschil".into(), "Verschil %".into()],
        rijen,
        rechts: vec![false, true, true, true],
    }));
    match landelijk {
        Some(l) if l.bruikbaar() => b.extend(index_blokken(naam, alle, l)),
        Some(l) => b.push(Blok::Alinea(gewoon(format!(
            "Een vergelijking met Nederland ontbreekt: de database bevat van {} andere gemeente{} uitkeringen over elk van deze kwartalen, en er zijn er minstens {} nodig. Importeer een landelijk bestand met buig import uitkeringen.",
            l.gemeenten,
            if l.gemeenten == 1 { "" } else { "n" },
            buig_bestand::MIN_GROEP
        )))),
        None => {}
    }
    let per_regeling = uitsplitsing(spells, &bv, Splitsing::Regeling);
    let regelingen: Vec<(String, Vec<u64>)> =
        per_regeling.iter().map(|(r, s)| (r.clone(), alle.iter().map(|p| s.punt(&p.periode).map_or(0, |q| q.stand)).collect())).collect();
    b.extend(gestapeld(
        &format!("Uitkeringen per regeling, einde kwartaal, {} – {}", kwartaal_label(&eerste.periode), kwartaal_label(&laatste.periode)),
        alle,
        regelingen,
    ));

    // --- Instroom en uitstroom ---
    b.push(Blok::Kop2("Instroom en uitstroom".into()));
    let mut jaren: Vec<(i32, u64, u64, i64, usize)> = Vec::new();
    for p in punten {
        let j: i32 = p.periode.get(..4).and_then(|j| j.parse().ok()).unwrap_or_default();
        match jaren.last_mut() {
            Some(r) if r.0 == j => {
                r.1 += p.instroom;
                r.2 += p.uitstroom;
                r.3 += p.saldo;
                r.4 += 1;
            }
            _ => jaren.push((j, p.instroom, p.uitstroom, p.saldo, 1)),
        }
    }
    let jaar_naam = |j: &(i32, u64, u64, i64, usize)| if j.4 == 4 { j.0.to_string() } else { format!("{} (K1–K{})", j.0, j.4) };
    let (tin, tuit, tsaldo) = punten.iter().fold((0u64, 0u64, 0i64), |(a, b, c), p| (a + p.instroom, b + p.uitstroom, c + p.saldo));
    let mut zin = format!(
        "Over {} samen stroomden {} uitkeringen in en {} uit: een saldo van {}.",
        if jaren.len() > 1 { format!("{}–{}", jaren[0].0, jaren[jaren.len() - 1].0) } else { van_jaar.to_string() },
        getal(tin),
        getal(tuit),
        met_teken(tsaldo)
    );
    if let Some(j) = jaren.last() {
        zin.push_str(&format!(" In {}: instroom {}, uitstroom {}, saldo {}.", jaar_naam(j), getal(j.1), getal(j.2), met_teken(j.3)));
    }
    b.push(Blok::Alinea(gewoon(zin)));
    b.push(Blok::Tabel(Tabel {
        kop: vec!["Jaar".into(), "Instroom".into(), "Uitstroom".into(), "Saldo".into()],
        rijen: jaren.iter().map(|j| vec![jaar_naam(j), getal(j.1), getal(j.2), met_teken(j.3)]).collect(),
        rechts: vec![false, true, true, true],
    }));
    b.extend(stroom_blokken(punten));

    // --- Uitkeringsduur ---
    b.push(Blok::Kop2("Uitkeringsduur".into()));
    let lang = |p: &Punt| -> u64 { ["36-60", "60+"].iter().map(|band| p.duur[*band]).sum() };
    b.push(Blok::Alinea(gewoon(format!(
        "{} liep {} van de {} uitkeringen ({}) drie jaar of langer; {} waren dat er {} van de {} ({}).",
        hoofdletter(&eind_label(laatste)),
        getal(lang(laatste)),
        getal(laatste.stand),
        aandeel(lang(laatste), laatste.stand),
        eind_label(eerste),
        getal(lang(eerste)),
        getal(eerste.stand),
        aandeel(lang(eerste), eerste.stand)
    ))));
    if let Some(l) = landelijk.filter(|l| l.bruikbaar()) {
        let nl_totaal: u64 = l.duur_laatste.iter().sum();
        let nl_lang: u64 =
            DUUR_BANDEN.iter().zip(&l.duur_laatste).filter(|(band, _)| ["36-60", "60+"].contains(band)).map(|(_, n)| n).sum();
        b.push(Blok::Alinea(gewoon(format!(
            "{} liep in Nederland {} van de uitkeringen drie jaar of langer, in {} {}.",
            hoofdletter(&eind_label(laatste)),
            aandeel(nl_lang, nl_totaal),
            naam,
            aandeel(lang(laatste), laatste.stand)
        ))));
        let rijen = DUUR_BANDEN
            .iter()
            .enumerate()
            .map(|(i, band)| {
                vec![duur_tekst(band).to_string(), aandeel(laatste.duur[*band], laatste.stand), aandeel(l.duur_laatste[i], nl_totaal)]
            })
            .collect();
        b.push(Blok::Tabel(Tabel {
            kop: vec![format!("Duur ({})", eind_label(laatste)), naam.to_string(), "Nederland".into()],
            rijen,
            rechts: vec![false, true, true],
        }));
    }
    let duur = DUUR_BANDEN.iter().map(|band| (duur_tekst(band).to_string(), punten.iter().map(|p| p.duur[*band]).collect())).collect();
    b.extend(gestapeld("Uitkeringen naar duur, einde kwartaal", punten, duur));

    // --- Leeftijd ---
    b.push(Blok::Kop2("Leeftijd".into()));
    let met_leeftijd = |p: &Punt| -> u64 { LEEFTIJD_BANDEN.iter().map(|band| p.leeftijd[*band]).sum() };
    let delen: Vec<String> = LEEFTIJD_BANDEN
        .iter()
        .map(|band| {
            let wie = if *band == "0-27" { leeftijd_tekst(band).to_string() } else { format!("van {}", leeftijd_tekst(band)) };
            format!("{} {wie} ({})", getal(laatste.leeftijd[*band]), aandeel(laatste.leeftijd[*band], met_leeftijd(laatste)))
        })
        .collect();
    b.push(Blok::Alinea(gewoon(format!(
        "{} waren van de uitkeringsontvangers met een bekende geboortedatum {}; {} waren er {} jonger dan 27 ({}).",
        hoofdletter(&eind_label(laatste)),
        jaren_tekst_s(&delen),
        eind_label(eerste),
        getal(eerste.leeftijd["0-27"]),
        aandeel(eerste.leeftijd["0-27"], met_leeftijd(eerste))
    ))));
    let leeftijd =
        LEEFTIJD_BANDEN.iter().map(|band| (leeftijd_tekst(band).to_string(), punten.iter().map(|p| p.leeftijd[*band]).collect())).collect();
    b.extend(gestapeld("Uitkeringen naar leeftijd, einde kwartaal", punten, leeftijd));
    Ok(b)
}

fn hoofdletter(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// `a, b en c`.
fn jaren_tekst_s(delen: &[String]) -> String {
    match delen.len() {
        0 => String::new(),
        1 => delen[0].clone(),
        n => format!("{} en {}", delen[..n - 1].join(", "), delen[n - 1]),
    }
}

fn soort_van(s: Option<buig_plan::Soort>) -> &'static str {
    s.map(buig_plan::Soort::code).unwrap_or("soort onbekend")
}

/// The measures from the action plan: target against the change since the
/// nulmeting, basic or extended request, the actions per line.
fn maatregelen_blokken(p: &buig_plan::Overzicht, spells: &[Uitkering], peildatum: Option<Date>, r: &VangnetResult, t: Year) -> Vec<Blok> {
    let mut b = Vec::new();
    let periode = match (p.van, p.tot) {
        (Some(v), Some(e)) => format!(" ({} tot en met {})", nl::date_long(v), nl::date_long(e)),
        _ => String::new(),
    };
    let mut zin = format!(
        "Het college heeft maatregelen getroffen in het {}{periode}: {} acties in {} actielijnen.",
        p.titel,
        p.totalen.acties,
        p.actielijnen.len()
    );
    let doel = doel_delen(p);
    if doel.is_empty() {
        zin.push_str(" Het plan noemt geen doel in uitkeringen of euro's.");
    } else {
        zin.push_str(&format!(" Het doel van het plan: {}.", doel.join(" en ")));
    }
    b.push(Blok::Alinea(gewoon(zin)));

    // Target against the actual change since the nulmeting (buig_plan counts it).
    // Only what was known on the peildatum: later starts left out, later ends still running.
    let bekend: Vec<Uitkering> = match peildatum {
        Some(pd) => spells
            .iter()
            .filter(|u| u.startdatum <= pd)
            .map(|u| Uitkering { einddatum: u.einddatum.filter(|e| *e <= pd), ..u.clone() })
            .collect(),
        None => spells.to_vec(),
    };
    let ontwikkeling = p.sinds_nulmeting.clone().or_else(|| p.nulmeting.and_then(|n| buig_plan::sinds_nulmeting(&bekend, n)));
    let mut kern = Vec::new();
    kern.push(vec![
        "Doel (uitkeringen minder)".to_string(),
        p.doel_uitkeringen.map(|d| nl::getal(Decimal::from(d), 0)).unwrap_or_else(|| ONBEKEND.into()),
    ]);
    kern.push(vec!["Doel (besparing)".into(), p.doel_euro.map(nl::money).unwrap_or_else(|| ONBEKEND.into())]);
    kern.push(vec![
        "Beoogd effect van de acties samen (uitkeringen minder)".into(),
        if p.totalen.acties_zonder_effect >= p.totalen.acties {
            "onbekend (geen actie heeft een gekwantificeerd effect)".to_string()
        } else {
            format!(
                "{}{}",
                nl::getal(Decimal::from(p.totalen.effect_uitkeringen), 0),
                if p.totalen.acties_zonder_effect > 0 {
                    format!(" ({} acties zonder gekwantificeerd effect)", p.totalen.acties_zonder_effect)
                } else {
                    String::new()
                }
            )
        },
    ]);
    kern.push(vec![
        "Budget van de acties".into(),
        if p.totalen.acties_zonder_budget >= p.totalen.acties {
            "onbekend (geen actie heeft een budget)".to_string()
        } else {
            format!(
                "{}{}",
                nl::money(p.totalen.budget),
                if p.totalen.acties_zonder_budget > 0 {
                    format!(" ({} acties zonder budget)", p.totalen.acties_zonder_budget)
                } else {
                    String::new()
                }
            )
        },
    ]);
    if p.totalen.voortgang.kosten != Money::ZERO {
        kern.push(vec!["Besteed aan de acties".into(), nl::money(p.totalen.voortgang.kosten)]);
    }
    let werkelijk = match (&ontwikkeling, p.nulmeting) {
        (Some(o), _) => {
            let richting = if o.verandering < 0 {
                format!("gedaald met {}", nl::getal(Decimal::from(-o.verandering), 0))
            } else if o.verandering > 0 {
                format!("gestegen met {}", nl::getal(Decimal::from(o.verandering), 0))
            } else {
                "gelijk gebleven".into()
            };
            kern.push(vec![
                format!("Stand nulmeting ({})", crate::raadsmededeling::maand_label(&o.nulmeting_maand)),
                nl::getal(Decimal::from(o.stand_nulmeting), 0),
            ]);
            kern.push(vec![
                format!("Stand {}", crate::raadsmededeling::maand_label(&o.laatste_maand)),
                nl::getal(Decimal::from(o.stand_laatste), 0),
            ]);
            kern.push(vec!["Werkelijke verandering sinds de nulmeting".into(), met_teken(o.verandering)]);
            let mut s = format!(
                "Sinds de nulmeting ({}: {} uitkeringen) is het bestand {richting} tot {} in {}",
                crate::raadsmededeling::maand_label(&o.nulmeting_maand),
                nl::getal(Decimal::from(o.stand_nulmeting), 0),
                nl::getal(Decimal::from(o.stand_laatste), 0),
                crate::raadsmededeling::maand_label(&o.laatste_maand)
            );
            match p.doel_uitkeringen {
                Some(d) if d > 0 => s.push_str(&format!(
                    "; het doel is {} uitkeringen minder, daarvan is {} gerealiseerd.",
                    nl::getal(Decimal::from(d), 0),
                    if o.verandering < 0 { aandeel((-o.verandering) as u64, d as u64) } else { "niets".into() }
                )),
                _ => s.push('.'),
            }
            s
        }
        (None, Some(n)) => {
            kern.push(vec!["Werkelijke verandering sinds de nulmeting".into(), ONBEKEND.into()]);
            format!(
                "De werkelijke ontwikkeling van het bestand sinds de nulmeting ({}) is niet bekend: er zijn geen uitkeringen van na de nulmeting geïmporteerd.",
                nl::date_long(n)
            )
        }
        (None, None) => {
            kern.push(vec!["Werkelijke verandering sinds de nulmeting".into(), "onbekend (geen nulmeting)".into()]);
            "Het plan heeft geen nulmeting; de werkelijke ontwikkeling is daarom niet tegen het doel te zetten.".into()
        }
    };
    b.push(Blok::Alinea(gewoon(werkelijk)));
    b.push(Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Waarde".into()], rijen: kern, rechts: vec![false, true] }));

    // Basic or extended request.
    let acties: Vec<&buig_plan::ActieRegel> = p.actielijnen.iter().flat_map(|l| &l.acties).collect();
    let codes = |s: Option<buig_plan::Soort>| -> Vec<String> {
        acties.iter().filter(|a| a.actie.soort == s).map(|a| format!("{} {}", a.actie.code, a.actie.titel)).collect()
    };
    let (intern, extern_, onbekend) = (codes(Some(buig_plan::Soort::Intern)), codes(Some(buig_plan::Soort::Extern)), codes(None));
    b.push(Blok::Kop2(if r.aanhoudend_tekort { "Uitgebreid verzoek".into() } else { "Basisverzoek".into() }));
    let route = if r.route == "regulier" { String::new() } else { format!(" (route: {})", r.route) };
    if r.aanhoudend_tekort {
        b.push(Blok::Alinea(gewoon(format!(
            "Er is sprake van een aanhoudend tekort (voorwaarde e): de aanvraag over {t} is een uitgebreid verzoek{route} op het formulier {}. Het college moet verklaren welke aanvullende interne en externe maatregelen het heeft getroffen om tot verdere tekortreductie te komen.",
            r.formulier
        ))));
        let mut items = vec![
            met_kop("Interne maatregelen: ", if intern.is_empty() { "geen als intern aangemerkt".to_string() } else { intern.join("; ") }),
            met_kop(
                "Externe maatregelen: ",
                if extern_.is_empty() { "geen als extern aangemerkt".to_string() } else { extern_.join("; ") },
            ),
        ];
        if !onbekend.is_empty() {
            items.push(met_kop(
                "Soort onbekend: ",
                format!("{} — geef in het aanvalsplan per actie aan of die intern of extern is.", onbekend.join("; ")),
            ));
        }
        b.push(Blok::Lijst { genummerd: false, items });
    } else {
        b.push(Blok::Alinea(gewoon(format!(
            "Er is geen aanhoudend tekort (voorwaarde e): een basisverzoek{route} op het formulier {} volstaat. Van de {} acties zijn er {} intern, {} extern en bij {} is de soort onbekend.",
            r.formulier,
            acties.len(),
            intern.len(),
            extern_.len(),
            onbekend.len()
        ))));
    }

    // The actions per line, with their progress and the verdict of their evaluation (seed 002).
    for l in &p.actielijnen {
        b.push(Blok::Kop2(format!("Actielijn {}. {}", l.nummer, l.naam)));
        b.push(Blok::Alinea(met_kop("Voortgang: ", buig_plan::voortgang_tekst(&l.voortgang))));
        let rijen = l
            .acties
            .iter()
            .map(|a| {
                vec![
                    a.actie.code.clone(),
                    a.actie.titel.clone(),
                    a.actie.trekker.clone().unwrap_or_else(|| ONBEKEND.into()),
                    soort_van(a.actie.soort).to_string(),
                    a.laatste_status
                        .as_ref()
                        .map(|u| format!("{} ({})", u.status.tekst(), u.kwartaal))
                        .unwrap_or_else(|| "nog geen status".into()),
                    a.evaluatie
                        .as_ref()
                        .map(|e| format!("{} ({}): {}", e.oordeel.tekst(), nl::date_short(e.datum), e.toelichting))
                        .unwrap_or_else(|| "nog niet geëvalueerd".into()),
                ]
            })
            .collect();
        b.push(Blok::Tabel(Tabel {
            kop: ["Code", "Actie", "Trekker", "Soort", "Laatste status", "Evaluatie"].map(String::from).to_vec(),
            rijen,
            rechts: vec![false; 6],
        }));
    }
    b.push(Blok::Alinea(met_kop("Bron: ", p.bron.clone())));
    b
}

/// What the raadsvoorstel is made of: the values the notitie already has,
/// nothing recomputed.
struct Voorstel<'a> {
    naam: &'a str,
    t: Year,
    datum: Date,
    r: &'a VangnetResult,
    rule: &'a Rule,
    /// The decision points, as in "Gevraagd besluit" and the raadsbesluit.
    besluit: &'a [Tekst],
    budget_t: Money,
    tekort_t: Money,
    prognose: bool,
    plan: Option<&'a buig_plan::Overzicht>,
    zonder_oorzaken: bool,
    /// The notitie's "Financiële consequenties".
    financieel: &'a str,
    deadline: &'a str,
    bedrag_indien: &'a str,
    /// The years condition b needs without an amount, and what is missing for each, in words.
    ontbrekend: Vec<Year>,
    missend: Vec<String>,
    /// The notitie's sentence on condition b.
    b_tekst: &'a str,
    /// The rule has condition e, and the years with a vangnet granted are not given.
    verleend_onbekend: bool,
}

/// The parts of the plan's target: "300 uitkeringen minder", "€ 1.500.000 besparing".
fn doel_delen(p: &buig_plan::Overzicht) -> Vec<String> {
    let mut doel = Vec::new();
    if let Some(d) = p.doel_uitkeringen {
        doel.push(format!("{} uitkeringen minder", nl::getal(Decimal::from(d), 0)));
    }
    if let Some(d) = p.doel_euro {
        doel.push(format!("{} besparing", nl::money(d)));
    }
    doel
}

/// The plan's target in words: " (doel: 300 uitkeringen minder en € 1.500.000 besparing)".
fn plan_doel(p: &buig_plan::Overzicht) -> String {
    let doel = doel_delen(p);
    if doel.is_empty() {
        String::new()
    } else {
        format!(" (doel: {})", doel.join(" en "))
    }
}

/// The raadsvoorstel (model: seed 002): Onderwerp, Voorstel, Inleiding,
/// Beoogd effect, Argumenten (conditions a–e with their numbers, the plan),
/// Kanttekeningen, Financiële consequenties, Uitvoering en vervolg.
fn raadsvoorstel(v: &Voorstel) -> Vec<Blok> {
    let (t, r) = (v.t, v.r);
    let aanvraag = r.recht != Some(false);
    let oordeel = |b: Option<bool>| match b {
        Some(true) => "is vervuld",
        Some(false) => "is niet vervuld",
        None => "is nog niet vast te stellen",
    };
    let mut b = vec![
        Blok::Kop1("Raadsvoorstel".into()),
        Blok::Alinea(met_kop("Onderwerp: ", format!("Vangnet BUIG {t}"))),
        Blok::Alinea(met_kop("Datum: ", nl::date_long(v.datum))),
        Blok::Alinea(met_kop("Voorstelnummer: ", IN_TE_VULLEN)),
        Blok::Alinea(met_kop("Portefeuillehouder: ", IN_TE_VULLEN)),
    ];

    b.push(Blok::Kop2("Voorstel".into()));
    b.push(Blok::Alinea(gewoon("Het college stelt de raad voor te besluiten:")));
    b.push(Blok::Lijst { genummerd: true, items: v.besluit.to_vec() });

    b.push(Blok::Kop2("Inleiding".into()));
    b.push(Blok::Alinea(gewoon(format!(
        "Het BUIG-budget is de gebundelde uitkering die de gemeente van het Rijk ontvangt voor het betalen van de uitkeringen. Is het budget niet toereikend, dan kan het college onder voorwaarden bij de Toetsingscommissie vangnet Participatiewet een vangnetuitkering over het afgelopen jaar aanvragen. De gemeente {} had over {t} een tekort van {} op een definitief budget van {}: {}{}.",
        v.naam,
        nl::money(v.tekort_t),
        nl::money(v.budget_t),
        nl::percentage(r.tekort_percentage),
        if v.prognose { " (prognose)" } else { "" }
    ))));
    b.push(Blok::Alinea(gewoon(format!(
        "De voorwaarden, de oorzaken van het tekort en de maatregelen staan in de notitie vangnet {t} hiervoor; de berekening staat in bijlage 2."
    ))));

    b.push(Blok::Kop2("Beoogd effect".into()));
    let maatregelen = v.plan.map(|p| format!(" in het {}{}", p.titel, plan_doel(p))).unwrap_or_default();
    b.push(Blok::Alinea(gewoon(match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => format!(
            "Toekenning van een vangnetuitkering van {} over {t}, die een deel van het tekort dekt, en een tekortreductie op de BUIG door de maatregelen{maatregelen}.",
            nl::euro(x)
        ),
        (Some(false), _) => format!("De raad kent het tekort over {t} en weet waarom daarover geen vangnetuitkering wordt aangevraagd."),
        _ => format!(
            "Indien voorwaarde b vervuld is: toekenning van een vangnetuitkering van {} over {t}, die een deel van het tekort dekt. Daarnaast een tekortreductie op de BUIG door de maatregelen{maatregelen}.",
            v.bedrag_indien
        ),
    })));

    // --- Argumenten: the conditions with their numbers ---
    b.push(Blok::Kop2("Argumenten".into()));
    let mut arg = vec![gewoon(format!(
        "Voorwaarde a (tekort over {t}) {}: het tekort van {} is {} van het definitieve budget van {}; de drempel is méér dan {} ({}).",
        oordeel(Some(r.voorwaarde_a)),
        nl::money(v.tekort_t),
        nl::percentage(r.tekort_percentage),
        nl::money(v.budget_t),
        nl::rule_percentage(r.drempel_percentage),
        nl::euro(r.drempel_bedrag)
    ))];
    if r.route == "verlaagde drempel" {
        arg.push(gewoon(format!("Voorwaarde b (verlaagde drempel) {}. {}", oordeel(r.voorwaarde_b), v.b_tekst)));
    } else if let Some(m) = &v.rule.meerjarig {
        arg.push(gewoon(match (r.voorwaarde_b, r.meerjarig_tekort, r.meerjarig_percentage) {
            (Some(vervuld), Some(som), Some(p)) => format!(
                "Voorwaarde b (meerjarig tekort) {}: het gecumuleerde tekort over {} is {} ({} van het budget {t}); de drempel is méér dan {} ({}).",
                oordeel(Some(vervuld)),
                jaren_tekst(&r.meerjarig_jaren),
                nl::money(som),
                nl::percentage(p),
                nl::rule_percentage(m.percentage),
                r.meerjarig_drempel_bedrag.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())
            ),
            _ => format!(
                "Voorwaarde b (meerjarig tekort) {}: {}. Zie de kanttekeningen.",
                oordeel(r.voorwaarde_b),
                if v.missend.is_empty() { "een jaar ontbreekt".to_string() } else { v.missend.join("; ") }
            ),
        }));
    } else {
        arg.push(gewoon(format!("Voor {t} geldt geen meerjarige voorwaarde (b).")));
    }
    if aanvraag {
        arg.push(gewoon(format!(
            "Voorwaarde c (tijdige aanvraag): na dit besluit kan het college de aanvraag ({}) uiterlijk op {} indienen.",
            r.formulier, v.deadline
        )));
        arg.push(gewoon(if r.instemming_raad {
            "Voorwaarde d (verklaring met instemming van de raad): het college verklaart dat het maatregelen heeft getroffen om tot tekortreductie te komen. Met de instemming bevestigt de raad dat het college voldoende duidelijk heeft gemaakt wat de oorzaken van het tekort zijn, dat het pakket maatregelen afdoende is om die aan te pakken, en dat het samen tot een beoogde tekortreductie leidt.".to_string()
        } else {
            format!("Voorwaarde d (verklaring van het college): voor {t} volstaat het informeren van de raad.")
        }));
        if v.rule.aanhoudend.is_some() {
            arg.push(gewoon(if r.aanhoudend_tekort {
                "Voorwaarde e (aanhoudend tekort) is van toepassing: het college verklaart ook welke aanvullende interne en externe maatregelen het heeft getroffen (uitgebreid verzoek).".to_string()
            } else if v.verleend_onbekend {
                "Voorwaarde e (aanhoudend tekort): aangenomen is dat die niet van toepassing is (basisverzoek); zie de kanttekeningen.".to_string()
            } else {
                "Voorwaarde e (aanhoudend tekort) is niet van toepassing: een basisverzoek volstaat.".to_string()
            }));
        }
        if let Some(p) = v.plan {
            arg.push(gewoon(format!(
                "De maatregelen staan in het {}: {} acties in {} actielijnen{}. De notitie zet het doel af tegen de ontwikkeling van het bestand sinds de nulmeting.",
                p.titel,
                p.totalen.acties,
                p.actielijnen.len(),
                plan_doel(p)
            )));
        }
    } else {
        arg.push(gewoon(format!(
            "Omdat {}, is er over {t} geen recht op een vangnetuitkering. Het voorstel vraagt daarom niet om een aanvraag in te dienen.",
            niet_vervuld(r)
        )));
    }
    b.push(Blok::Lijst { genummerd: true, items: arg });

    // --- Kanttekeningen ---
    b.push(Blok::Kop2("Kanttekeningen".into()));
    let mut kant = Vec::new();
    if let Some(open) = open_voorwaarde(r) {
        let jaren: Vec<Year> = v.ontbrekend.clone();
        let wat = if v.missend.is_empty() { "een jaar ontbreekt".to_string() } else { v.missend.join("; ") };
        kant.push(gewoon(format!(
            "{} is met de beschikbare cijfers niet vast te stellen: {wat}. Vul het tekort en het definitieve budget over {} aan als bedrag, uit de jaarrekening of de SiSa-verantwoording (buig jaarcijfer, of de definitieve beschikking en de maandrealisatie met buig import budget en buig import realisatie) en maak dit voorstel opnieuw. Tot dan staan de besluitpunten die van {open} afhangen onder voorbehoud; blijkt {open} niet vervuld, dan wordt geen aanvraag ingediend.",
            hoofdletter(open),
            if jaren.is_empty() { "de ontbrekende jaren".to_string() } else { jaren_tekst(&jaren) }
        )));
    }
    match (r.recht, r.vangnetuitkering, r.eigen_risico) {
        (Some(true), Some(x), Some(e)) => kant.push(gewoon(format!(
            "De vangnetuitkering dekt maar een deel van het tekort: van het tekort van {} vergoedt zij {}; het eigen risico van de gemeente is {}.",
            nl::money(v.tekort_t),
            nl::euro(x),
            nl::euro(e)
        ))),
        (None, _, _) => kant.push(gewoon(format!(
            "Ook als voorwaarde b vervuld is, dekt de vangnetuitkering van {} maar een deel van het tekort van {}; de rest blijft voor rekening van de gemeente (eigen risico).",
            v.bedrag_indien,
            nl::money(v.tekort_t)
        ))),
        _ => {}
    }
    if r.status == Status::Onbevestigd {
        kant.push(gewoon(format!(
            "De uitkomst steunt op regels die nog niet aan de wettekst zijn getoetst ({}); zie bijlage 2.",
            r.onbevestigd.join("; ")
        )));
    }
    if v.prognose {
        kant.push(gewoon(format!(
            "Het tekort en het budget {t} zijn een prognose, geen realisatie: dit voorstel is een concept tot de jaarcijfers bekend zijn."
        )));
    }
    if aanvraag && v.verleend_onbekend {
        kant.push(gewoon(
            "Niet opgegeven in welke eerdere jaren een vangnetuitkering is verleend; aangenomen is een basisverzoek. Is die wel verleend, dan is een uitgebreid verzoek nodig met aanvullende interne en externe maatregelen (voorwaarde e).",
        ));
    }
    if aanvraag && (v.zonder_oorzaken || v.plan.is_none()) {
        let wat = match (v.zonder_oorzaken, v.plan.is_none()) {
            (true, true) => "De oorzaken van het tekort en de maatregelen zijn",
            (true, false) => "De oorzaken van het tekort zijn",
            _ => "De maatregelen zijn",
        };
        kant.push(gewoon(format!(
            "{wat} in de notitie nog in te vullen; vul ze aan voordat de raad over de verklaring van het college besluit."
        )));
    }
    if kant.is_empty() {
        b.push(Blok::Alinea(gewoon("Geen.")));
    } else {
        b.push(Blok::Lijst { genummerd: false, items: kant });
    }

    // --- Financiële consequenties ---
    b.push(Blok::Kop2("Financiële consequenties".into()));
    b.push(Blok::Alinea(gewoon(v.financieel)));
    if let Some(p) = v.plan.filter(|p| p.totalen.acties_zonder_budget < p.totalen.acties) {
        b.push(Blok::Alinea(gewoon(format!(
            "Voor de acties in het {} is {} begroot{}.",
            p.titel,
            nl::money(p.totalen.budget),
            if p.totalen.acties_zonder_budget > 0 {
                format!(" ({} acties zonder budget)", p.totalen.acties_zonder_budget)
            } else {
                String::new()
            }
        ))));
    }

    // --- Uitvoering en vervolg ---
    b.push(Blok::Kop2("Uitvoering en vervolg".into()));
    let indienen = format!(
        "vult het college het aanvraagformulier ({}) in en dient het de aanvraag uiterlijk op {} in bij de Toetsingscommissie vangnet Participatiewet (voorwaarde c){}",
        r.formulier,
        v.deadline,
        if v.rule.termijn.bron.contains("fatale termijn") { "; deze termijn is fataal" } else { "" }
    );
    b.push(Blok::Alinea(gewoon(match r.recht {
        Some(true) => format!("Na het besluit van de raad {indienen}."),
        None => format!(
            "Eerst vult het college {} aan en wordt voorwaarde b opnieuw getoetst (zie de kanttekeningen). Blijkt voorwaarde b vervuld, dan {indienen}. Blijkt die niet vervuld, dan dient het college geen aanvraag in en informeert het de raad daarover.",
            if v.ontbrekend.len() > 1 { "de ontbrekende cijfers" } else { "het ontbrekende cijfer" }
        ),
        Some(false) => format!(
            "Er wordt geen aanvraag vangnetuitkering {t} ingediend; het tekort komt voor rekening van de gemeente (zie Financiële consequenties)."
        ),
    })));
    b.push(Blok::Alinea(gewoon(format!("Burgemeester en wethouders van de gemeente {},", v.naam))));
    b.push(Blok::Alinea(gewoon("de secretaris,                                        de burgemeester,")));
    b
}

const IN_TE_VULLEN: &str = "[in te vullen]";

/// The draft council decision (seed 002's raadsbesluit), with the same
/// decision points as "Gevraagd besluit" and the raadsvoorstel.
fn ontwerpbesluit(naam: &str, t: Year, datum: Date, besluit: Vec<Tekst>) -> Vec<Blok> {
    vec![
        Blok::Kop1("Ontwerpbesluit (raadsbesluit)".into()),
        Blok::Alinea(met_kop("Onderwerp: ", format!("Vangnet BUIG {t}"))),
        Blok::Alinea(gewoon(format!("De raad van de gemeente {naam};"))),
        Blok::Alinea(gewoon(format!(
            "gelezen het voorstel van burgemeester en wethouders van {}, nummer {IN_TE_VULLEN};",
            nl::date_long(datum)
        ))),
        Blok::Alinea(met_kop("besluit:", "")),
        Blok::Lijst { genummerd: true, items: besluit },
        Blok::Alinea(gewoon(format!("Aldus besloten in de openbare vergadering van {IN_TE_VULLEN}."))),
        Blok::Alinea(gewoon("De raad voornoemd,")),
        Blok::Alinea(gewoon("de griffier,                                        de voorzitter,")),
    ]
}
