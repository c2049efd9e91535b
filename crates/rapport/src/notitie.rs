//! The "Notitie vangnet t" (SPEC §5, model: seed 002, Deventer 2023): the
//! decision asked of the council, conditions a–e with their numbers, the
//! financial consequences, a placeholder for causes and measures, and two
//! appendices (the shortfall per year; the commission's steps A–I with
//! sources and rule status).
//!
//! Nothing is computed here. The years' figures come from the budget view
//! ([`buig_prognose::budgetoverzicht`]); the vangnet from
//! [`buig_rules::bereken_bestand`], the call `buig vangnet` makes, fed with
//! the same years the budget view feeds it (checked: the payout and the
//! right must agree with the budget view's vangnet position). Unknown
//! figures are written "onbekend", never estimated.

use buig_core::records::BudgetSoort;
use buig_core::{nl, Money, Year};
use buig_prognose::budget::{BudgetJaar, BudgetOverzicht};
use buig_prognose::Gegevens;
use buig_rules::{CaseFile, RuleTable, Status, VangnetResult, YearInput};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::doc::{gewoon, met_kop, Blok, Document, Tabel};
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

/// Builds the notitie for `vraag.jaar` from a gemeente's data.
pub fn notitie_vangnet(gegevens: &Gegevens, vraag: &NotitieVraag) -> Result<NotitieVangnet, RapportFout> {
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
                    "voor {wie} zijn het definitieve budget en het tekort over {t} niet bekend{}: importeer de beschikking en de realisatie (buig import budget/realisatie)",
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

    // --- Gevraagd besluit ---
    blokken.push(Blok::Kop1("Gevraagd besluit".into()));
    let kennis = format!(
        "Kennis te nemen van het tekort op de BUIG over {t} van {} ({} van het definitieve budget {t} van {})",
        nl::money(tekort_t),
        nl::percentage(r.tekort_percentage),
        nl::money(budget_t)
    );
    let mut besluit = Vec::new();
    if r.recht == Some(false) {
        besluit.push(gewoon(format!("{kennis}. Over {t} is er geen recht op een vangnetuitkering; er wordt geen aanvraag ingediend.")));
    } else {
        let e_deel = if r.aanhoudend_tekort {
            ", met de aanvullende interne en externe maatregelen bij een aanhoudend tekort (voorwaarde e)"
        } else {
            ""
        };
        if r.instemming_raad {
            besluit.push(gewoon(format!(
                "In te stemmen met de verklaring van het college over de maatregelen die zijn getroffen om tot tekortreductie op de BUIG te komen (voorwaarde d){e_deel}."
            )));
        } else {
            besluit.push(gewoon(format!(
                "Kennis te nemen van de verklaring van het college over de maatregelen die zijn getroffen om tot tekortreductie op de BUIG te komen{e_deel}; voor {t} is instemming van de raad niet vereist."
            )));
        }
        besluit.push(gewoon(match (r.recht, r.vangnetuitkering) {
            (Some(true), Some(x)) => {
                format!("{kennis}, en van de vangnetuitkering van {} die daarover kan worden aangevraagd.", nl::euro(x))
            }
            _ => format!(
                "{kennis}, en van de vangnetuitkering die daarover kan worden aangevraagd: indien voorwaarde b vervuld is {bedrag_indien}."
            ),
        }));
        besluit.push(gewoon(format!(
            "Het college in staat te stellen de aanvraag vangnetuitkering {t} ({}) uiterlijk op {deadline} in te dienen bij de Toetsingscommissie vangnet Participatiewet.",
            r.formulier
        )));
    }
    blokken.push(Blok::Lijst { genummerd: true, items: besluit });

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
                    let missend: Vec<String> = r
                        .meerjarig_jaren
                        .iter()
                        .filter(|y| !r.jaren.iter().any(|j| j.jaar == **y))
                        .map(|y| match staat(&g, &overzicht, *y).percentage {
                            Some(p) => format!("over {y} is alleen een percentage bekend ({}%), geen bedrag", nl::getal(p, 2)),
                            None => format!("over {y} ontbreekt het tekort"),
                        })
                        .collect();
                    s.push_str(&format!(
                        "Dit is niet vast te stellen: {}. Een percentage van het eigen budget van een eerder jaar is niet op te tellen bij het budget {t}; vul het bedrag aan (jaarrekening, SiSa-bijlage) voordat de aanvraag wordt ingediend.",
                        missend.join("; ")
                    ));
                }
            }
            s
        }
    };
    vw.push(met_kop(format!("b. Meerjarig tekort — {}. ", oordeel(r.voorwaarde_b)), b_tekst));
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
    blokken.push(Blok::Alinea(gewoon(fin)));
    if r.status == Status::Onbevestigd {
        blokken.push(Blok::Alinea(gewoon(format!(
            "De uitkomst steunt op regels die nog niet aan de wettekst zijn getoetst ({}); zie bijlage 2.",
            r.onbevestigd.join("; ")
        ))));
    }

    // --- Causes and measures: placeholder until the action plan exists ---
    blokken.push(Blok::Kop1("Oorzaken van het tekort en maatregelen".into()));
    let mut in_te_vullen = vec![
        "Oorzaken van het tekort (vraag A van het aanvraagformulier): bijvoorbeeld het budgetaandeel, de samenstelling van het bestand en de dienstverlening.".to_string(),
        "Getroffen interne en externe maatregelen (vraag B).".to_string(),
        "Het beoogde effect van de maatregelen op het tekort, kwantitatief of kwalitatief beschreven (vraag C).".to_string(),
    ];
    if r.aanhoudend_tekort {
        in_te_vullen.push(
            "Aanvullende interne en externe maatregelen wegens het aanhoudende tekort (voorwaarde e, uitgebreid verzoek).".to_string(),
        );
    }
    blokken.push(Blok::Kader { titel: "In te vullen".into(), items: in_te_vullen });
    blokken.push(Blok::Alinea(gewoon(
        "Dit deel vult de gemeente zelf in, totdat het aanvalsplan in de BUIG-monitor beschikbaar is. Met de instemming bevestigt de raad dat het college de oorzaken, het pakket maatregelen en de beoogde tekortreductie voldoende duidelijk heeft gemaakt.",
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
