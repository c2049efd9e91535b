//! The kwartaalmonitor (SPEC §5, model: seed 004, the BUIG part of the
//! "Monitor sociaal domein"): per quarter the stock by scheme, inflow and
//! outflow with the saldo, the stock per 1,000 inhabitants beside the
//! gemeente's size class and the Netherlands, age and duration, the costs to
//! date against the year's BUIG budget and the vangnet position. One topic
//! per section, each a chart and its table ("één grafiek en één tabel per
//! blad").
//!
//! The quarter is the last complete quarter of `jaar` up to the peildatum;
//! the series start at the first quarter of the year before, so each quarter
//! can be read against the same quarter a year earlier. Caseload figures
//! come from [`buig_bestand`], costs and budget from the budget view, the
//! vangnet outlook from the prognosis at the quarter's end.
//!
//! The comparison per 1,000 inhabitants ([`MonitorVergelijking`], built by
//! [`monitor_vergelijking`] from every gemeente's quarterly series with
//! [`buig_bestand::groepsreeks`]) sums the gemeenten in the database: all of
//! them ("Nederland", which is the whole country only when every gemeente is
//! imported) and those of the gemeente's [`Grootteklasse`]. A group is shown
//! only with at least [`MIN_GROEP`] gemeenten, as on the web's comparison
//! page, so no single gemeente can be read off it; otherwise the document
//! says the comparison is unknown and why. Imported CBS series are not used.

use std::collections::BTreeMap;

use buig_bestand::{
    groepsreeks, uitsplitsing, Grootteklasse, Maand, Per, Punt, Splitsing, Vergelijking, Vraag, DUUR_BANDEN, LEEFTIJD_BANDEN,
};
use buig_core::records::Uitkering;
use buig_core::{nl, GemeenteCode, Money, Year};
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort, Stijl};
use buig_prognose::rapport::{prognose_rapport, PrognoseVraag};
use buig_prognose::Gegevens;
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::doc::{gewoon, grafiek_met_tabel, Blok, Document, Tabel};
use crate::notitie::tot_peildatum;
use crate::raadsmededeling::{euro_f64, soort_tekst, vangnet_blokken, RUNS, SEED};
use crate::RapportFout;

/// What the monitor is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorVraag {
    /// The year of the monitor.
    pub jaar: Year,
    /// The monitor covers the last complete quarter of `jaar` on or before this day.
    pub peildatum: Date,
    /// The date printed on the document.
    pub datum: Date,
}

/// The last complete quarter of `jaar` on `peildatum`: (quarter 1–4, its last day).
pub fn kwartaal_op(jaar: Year, peildatum: Date) -> Option<(u8, Date)> {
    let einde = |k: u8| Date::new(jaar.get() as i16, (k * 3) as i8, 1).ok().map(|d| d.last_of_month());
    (1..=4u8).rev().find_map(|k| einde(k).filter(|e| *e <= peildatum).map(|e| (k, e)))
}

pub use buig_bestand::MIN_GROEP;

/// The groups beside the gemeente's figure per 1,000 inhabitants, per
/// quarter of the monitor (the periods of [`monitor_vergelijking`]). Groups
/// are kept even when small: the monitor itself refuses to show a group, or
/// a quarter of it, with fewer than [`MIN_GROEP`] gemeenten, and says why.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorVergelijking {
    /// All gemeenten in the database whose data cover the monitor's quarters ("Nederland").
    pub land: Vergelijking,
    /// The gemeenten of the gemeente's size class; `None` when its inhabitants are unknown.
    pub klasse: Option<Vergelijking>,
}

/// The quarter of the monitor, its last day and the caseload question (first quarter of the year before up to it).
fn kwartaal_vraag(vraag: &MonitorVraag) -> Result<(u8, Date, Vraag), RapportFout> {
    let t = vraag.jaar;
    let Some((k, einde)) = kwartaal_op(t, vraag.peildatum) else {
        return Err(RapportFout::Gegevens(format!(
            "op peildatum {} is nog geen kwartaal van {t} afgesloten: kies een peildatum op of na 31 maart {t}",
            nl::date_long(vraag.peildatum)
        )));
    };
    let van = Maand::new((t.get() - 1) as i16, 1).ok_or_else(|| RapportFout::Gegevens(format!("jaar {t} valt buiten het bereik")))?;
    let bv = Vraag::new(van, Maand::van_datum(einde), Per::Kwartaal).map_err(RapportFout::Gegevens)?;
    Ok((k, einde, bv))
}

/// The caseload question of the monitor (per quarter, from the first
/// quarter of the year before up to the monitor's quarter): count every
/// gemeente's spells with it (e.g. [`buig_bestand::PerGemeente`]) for
/// [`monitor_vergelijking`]. Refused like the monitor before the first quarter ends.
pub fn landelijke_vraag(vraag: &MonitorVraag) -> Result<Vraag, RapportFout> {
    kwartaal_vraag(vraag).map(|(_, _, v)| v)
}

/// The comparison for gemeente `code` in the monitor `vraag`, from every
/// gemeente's caseload per quarter (`alle`, one question with `Per::Kwartaal`
/// whose periods include the monitor's, e.g. from
/// [`buig_bestand::PerGemeente`]) and inhabitants on 1 January per
/// (gemeente, year).
///
/// A gemeente counts only when it has benefits running at the end of every
/// quarter of the monitor: otherwise its data do not cover the window and
/// its zeros would be missing data, not a caseload of nil. The size class of
/// every gemeente is taken from its inhabitants on 1 January of the monitor
/// year, else the last known year before it.
pub fn monitor_vergelijking(
    code: GemeenteCode,
    alle: &BTreeMap<GemeenteCode, buig_bestand::Reeks>,
    inwoners: &BTreeMap<(GemeenteCode, i32), u64>,
    vraag: &MonitorVraag,
) -> Result<MonitorVergelijking, RapportFout> {
    let (_, _, bv) = kwartaal_vraag(vraag)?;
    // The monitor's periods, exactly as the monitor counts them.
    let eigen = buig_bestand::bereken(&[], &bv);
    let mut gedekt = BTreeMap::new();
    for (g, r) in alle {
        let mut punten = Vec::with_capacity(eigen.reeks.len());
        for p in &eigen.reeks {
            let q = r.punt(&p.periode).ok_or_else(|| {
                RapportFout::Gegevens(format!("de reeksen van alle gemeenten bevatten {} niet", kwartaal_label(&p.periode)))
            })?;
            punten.push(q.clone());
        }
        if punten.iter().all(|q| q.stand > 0) {
            gedekt.insert(*g, buig_bestand::Reeks { reeks: punten });
        }
    }
    let jaar = vraag.jaar.get();
    let inw = |c: GemeenteCode, j: i32| inwoners.get(&(c, j)).copied();
    let klasse_van =
        |c: GemeenteCode| inwoners.range((c, i32::MIN)..=(c, jaar)).next_back().map(|(_, n)| *n).filter(|n| *n > 0).map(Grootteklasse::van);
    let land = groepsreeks(&eigen, &gedekt, |_| true, inw, "gemeenten in de database".into());
    let klasse =
        klasse_van(code).map(|k| groepsreeks(&eigen, &gedekt, |c| klasse_van(c) == Some(k), inw, format!("gemeenten met {}", k.naam())));
    Ok(MonitorVergelijking { land, klasse })
}

/// The group's figure per 1,000 in period `i`, only when at least [`MIN_GROEP`] gemeenten count in it.
fn groep_per_1000(v: Option<&Vergelijking>, i: usize) -> Option<f64> {
    let v = v.filter(|v| v.gemeenten >= MIN_GROEP)?;
    v.reeks.get(i).filter(|p| p.per_1000_gemeenten >= MIN_GROEP).and_then(|p| p.per_1000)
}

/// Why a group is or is not shown, in Dutch.
fn groep_uitleg(wat: &str, v: &Vergelijking) -> String {
    let n = v.gemeenten;
    if n < MIN_GROEP {
        return format!(
            "{wat}: onbekend. De database bevat voor deze kwartalen uitkeringen van {} {}; een groep wordt pas getoond vanaf {MIN_GROEP} gemeenten, zodat er geen afzonderlijke gemeente uit af te lezen is.",
            getal(n as u64),
            if n == 1 { v.groep.replacen("gemeenten", "gemeente", 1) } else { v.groep.clone() }
        );
    }
    let mut jaren: Vec<&str> = v.reeks.iter().filter(|p| p.per_1000_gemeenten < MIN_GROEP).filter_map(|p| p.periode.get(..4)).collect();
    jaren.dedup();
    let jaren = match jaren.split_last() {
        None => String::new(),
        Some((laatste, [])) => laatste.to_string(),
        Some((laatste, eerdere)) => format!("{} en {laatste}", eerdere.join(", ")),
    };
    let totaal = format!("{wat}: het totaal van {} {}", getal(n as u64), v.groep);
    if v.reeks.iter().all(|p| p.per_1000_gemeenten < MIN_GROEP) {
        format!(
            "{totaal}, maar het inwonertal op 1 januari {jaren} is van minder dan {MIN_GROEP} van deze gemeenten bekend; een cijfer per 1.000 inwoners wordt niet geschat en is dus onbekend."
        )
    } else if jaren.is_empty() {
        format!("{totaal} (stand per 1.000 inwoners over de gemeenten met een bekend inwonertal).")
    } else {
        format!(
            "{totaal} (stand per 1.000 inwoners over de gemeenten met een bekend inwonertal). Van minder dan {MIN_GROEP} van deze gemeenten is het inwonertal op 1 januari {jaren} bekend: die kwartalen zijn onbekend."
        )
    }
}

pub(crate) fn getal(n: u64) -> String {
    nl::getal(Decimal::from(n), 0)
}

pub(crate) fn met_teken(n: i64) -> String {
    if n > 0 {
        format!("+{}", nl::getal(Decimal::from(n), 0))
    } else {
        nl::getal(Decimal::from(n), 0)
    }
}

/// `2026-K3` → `K3 2026`.
pub(crate) fn kwartaal_label(periode: &str) -> String {
    match periode.split_once("-K") {
        Some((j, k)) => format!("K{k} {j}"),
        None => periode.to_string(),
    }
}

pub(crate) fn leeftijd_tekst(band: &str) -> &'static str {
    match band {
        "0-27" => "jonger dan 27",
        "27-45" => "27 tot 45 jaar",
        _ => "45 jaar en ouder",
    }
}

pub(crate) fn duur_tekst(band: &str) -> &'static str {
    match band {
        "0-6" => "0–6 mnd",
        "6-12" => "6–12 mnd",
        "12-24" => "1–2 jaar",
        "24-36" => "2–3 jaar",
        "36-60" => "3–5 jaar",
        _ => "5 jaar of meer",
    }
}

/// A stacked chart of per-quarter counts and its table with a total column.
pub(crate) fn gestapeld(titel: &str, punten: &[Punt], reeksen: Vec<(String, Vec<u64>)>) -> Vec<Blok> {
    let mut g = Grafiek::new(titel, Soort::GestapeldeStaaf, Eenheid::Aantal);
    g.x_labels = punten.iter().map(|p| kwartaal_label(&p.periode)).collect();
    for (naam, w) in &reeksen {
        g.reeksen.push(Reeks::new(naam.clone(), w.iter().map(|v| Some(*v as f64)).collect()));
    }
    let mut kop = vec!["Kwartaal".to_string()];
    kop.extend(reeksen.iter().map(|(n, _)| n.clone()));
    kop.push("Totaal".into());
    let rijen = (0..punten.len())
        .map(|i| {
            let mut r = vec![kwartaal_label(&punten[i].periode)];
            r.extend(reeksen.iter().map(|(_, w)| getal(w[i])));
            r.push(getal(reeksen.iter().map(|(_, w)| w[i]).sum()));
            r
        })
        .collect();
    let n = kop.len();
    grafiek_met_tabel(g, Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0).collect() })
}

/// Inflow, outflow and saldo per quarter: a bar chart and its table (with the share of outflow to work).
pub(crate) fn stroom_blokken(punten: &[Punt]) -> Vec<Blok> {
    let mut gs = Grafiek::new("Instroom, uitstroom en saldo per kwartaal", Soort::Staaf, Eenheid::Aantal);
    gs.nullijn = true;
    gs.x_labels = punten.iter().map(|p| kwartaal_label(&p.periode)).collect();
    gs.reeksen.push(Reeks::new("Instroom", punten.iter().map(|p| Some(p.instroom as f64)).collect()));
    gs.reeksen.push(Reeks::new("Uitstroom", punten.iter().map(|p| Some(p.uitstroom as f64)).collect()));
    gs.reeksen.push(Reeks::new("Saldo", punten.iter().map(|p| Some(p.saldo as f64)).collect()));
    let rijen = punten
        .iter()
        .map(|p| {
            vec![
                kwartaal_label(&p.periode),
                getal(p.instroom),
                getal(p.uitstroom),
                met_teken(p.saldo),
                p.uitstroom_werk
                    .map(|w| format!("{}%", nl::getal(Decimal::from_f64_retain(w * 100.0).unwrap_or_default(), 1)))
                    .unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    let tabel = Tabel {
        kop: vec!["Kwartaal".into(), "Instroom".into(), "Uitstroom".into(), "Saldo".into(), "Uitstroom naar werk".into()],
        rijen,
        rechts: vec![false, true, true, true, true],
    };
    grafiek_met_tabel(gs, tabel)
}

/// Builds the kwartaalmonitor without a comparison with other gemeenten
/// (the section per 1,000 inhabitants says so).
pub fn kwartaalmonitor(
    g: &Gegevens,
    spells: &[Uitkering],
    inwoners: &BTreeMap<i32, u64>,
    vraag: &MonitorVraag,
) -> Result<Document, RapportFout> {
    kwartaalmonitor_met(g, spells, inwoners, None, vraag)
}

/// Builds the kwartaalmonitor, with the figure per 1,000 inhabitants beside
/// the size class and the Netherlands from `vergelijking` (made by
/// [`monitor_vergelijking`] for the same `vraag`).
pub fn kwartaalmonitor_met(
    g: &Gegevens,
    spells: &[Uitkering],
    inwoners: &BTreeMap<i32, u64>,
    vergelijking: Option<&MonitorVergelijking>,
    vraag: &MonitorVraag,
) -> Result<Document, RapportFout> {
    let t = vraag.jaar;
    let naam = g.naam.clone().or_else(|| g.gemeente.map(|c| c.to_string())).unwrap_or_else(|| "de gemeente".into());
    let (k, einde, mut bv) = kwartaal_vraag(vraag)?;
    if spells.is_empty() {
        return Err(RapportFout::Gegevens(format!(
            "voor {naam} zijn geen uitkeringen geïmporteerd: de monitor telt het bestand uit de uitkeringen (buig import uitkeringen)"
        )));
    }
    let kwartaal = format!("K{k} {t}");
    let g = tot_peildatum(g, Some(einde));
    bv.inwoners = inwoners.clone();
    let reeks = buig_bestand::bereken(spells, &bv);
    let punten = &reeks.reeks;
    let laatste = punten.last().ok_or_else(|| RapportFout::Gegevens("geen kwartalen te tellen".into()))?;
    let vorig_kwartaal = punten.len().checked_sub(2).map(|i| &punten[i]);
    let jaar_eerder = punten.len().checked_sub(5).map(|i| &punten[i]);

    let mut blokken = Vec::new();

    // --- Kerncijfers ---
    blokken.push(Blok::Kop1(format!("Kerncijfers {kwartaal}")));
    let verschil = |p: Option<&Punt>| p.map(|p| met_teken(laatste.stand as i64 - p.stand as i64)).unwrap_or_else(|| "onbekend".into());
    let mut kern = vec![
        vec![format!("Uitkeringen einde {kwartaal}"), getal(laatste.stand)],
        vec!["Verschil met het vorige kwartaal".into(), verschil(vorig_kwartaal)],
        vec!["Verschil met een jaar eerder".into(), verschil(jaar_eerder)],
        vec![format!("Instroom {kwartaal}"), getal(laatste.instroom)],
        vec![format!("Uitstroom {kwartaal}"), getal(laatste.uitstroom)],
        vec!["Saldo (instroom − uitstroom)".into(), met_teken(laatste.saldo)],
        vec![
            "Uitstroom naar werk".into(),
            laatste
                .uitstroom_werk
                .map(|w| format!("{}%", nl::getal(Decimal::from_f64_retain(w * 100.0).unwrap_or_default(), 1)))
                .unwrap_or_else(|| "onbekend".into()),
        ],
        vec![
            "Uitkeringen per 1.000 inwoners".into(),
            laatste
                .per_1000
                .map(|v| nl::getal(Decimal::from_f64_retain(v).unwrap_or_default(), 2))
                .unwrap_or_else(|| "onbekend (inwonertal ontbreekt)".into()),
        ],
    ];

    // --- Costs against the budget (needed for the key figures too) ---
    let budget = g.budgetten.iter().filter(|b| b.jaar == t).max_by_key(|b| b.soort);
    let mut maanden: Vec<(u8, Money)> = g.realisatie.iter().filter(|r| r.jaar == t).map(|r| (r.maand, r.lasten - r.baten)).collect();
    maanden.sort_by_key(|m| m.0);
    let besteed: Money = maanden.iter().map(|m| m.1).sum();
    if let Some(b) = budget {
        kern.push(vec![format!("Netto lasten t/m {kwartaal}"), nl::money(besteed)]);
        kern.push(vec![format!("BUIG-budget {t} ({})", soort_tekst(b.soort)), nl::money(b.bedrag)]);
        if let Some(p) = buig_core::Percentage::ratio(besteed, b.bedrag) {
            kern.push(vec!["Besteed van het budget".into(), nl::percentage_dp(p, 1)]);
        }
    }
    blokken.push(Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Waarde".into()], rijen: kern, rechts: vec![false, true] }));

    // --- Bestand per regeling ---
    blokken.push(Blok::Kop1("Bijstandsbestand per regeling".into()));
    blokken.push(Blok::Alinea(gewoon(format!(
        "Het aantal lopende uitkeringen aan het einde van elk kwartaal, naar regeling. Einde {kwartaal}: {} uitkeringen ({} ten opzichte van het vorige kwartaal).",
        getal(laatste.stand),
        verschil(vorig_kwartaal)
    ))));
    let per_regeling = uitsplitsing(spells, &bv, Splitsing::Regeling);
    let regelingen: Vec<(String, Vec<u64>)> =
        per_regeling.iter().map(|(r, s)| (r.clone(), punten.iter().map(|p| s.punt(&p.periode).map_or(0, |q| q.stand)).collect())).collect();
    blokken.extend(gestapeld(&format!("Uitkeringen per regeling, einde kwartaal, {}–{t}", t.get() - 1), punten, regelingen));

    // --- Instroom en uitstroom ---
    blokken.push(Blok::Kop1("Instroom en uitstroom".into()));
    blokken.push(Blok::Alinea(gewoon(format!(
        "In {kwartaal} zijn {} uitkeringen gestart en {} beëindigd: een saldo van {}.{}",
        getal(laatste.instroom),
        getal(laatste.uitstroom),
        met_teken(laatste.saldo),
        if laatste.herinstroom > 0 {
            format!(" Van de instroom waren {} herinstroom (binnen 12 maanden na een eerdere uitkering).", getal(laatste.herinstroom))
        } else {
            String::new()
        }
    ))));
    blokken.extend(stroom_blokken(punten));

    // --- Per 1.000 inwoners ---
    blokken.push(Blok::Kop1("Uitkeringen per 1.000 inwoners".into()));
    blokken.extend(per_1000_blokken(&naam, punten, inwoners, vergelijking));

    // --- Leeftijd ---
    blokken.push(Blok::Kop1("Leeftijd".into()));
    blokken.push(Blok::Alinea(gewoon(
        "Het bestand aan het einde van elk kwartaal naar leeftijd (uitkeringen zonder geboortedatum tellen hier niet mee).",
    )));
    let leeftijd =
        LEEFTIJD_BANDEN.iter().map(|b| (leeftijd_tekst(b).to_string(), punten.iter().map(|p| p.leeftijd[*b]).collect())).collect();
    blokken.extend(gestapeld("Uitkeringen naar leeftijd, einde kwartaal", punten, leeftijd));

    // --- Uitkeringsduur ---
    blokken.push(Blok::Kop1("Uitkeringsduur".into()));
    let lang: u64 = ["36-60", "60+"].iter().map(|b| laatste.duur[*b]).sum();
    blokken.push(Blok::Alinea(gewoon(format!(
        "Het bestand naar de duur van de lopende uitkering in hele maanden. Einde {kwartaal} loopt {} van de {} uitkeringen drie jaar of langer.",
        getal(lang),
        getal(laatste.stand)
    ))));
    let duur = DUUR_BANDEN.iter().map(|b| (duur_tekst(b).to_string(), punten.iter().map(|p| p.duur[*b]).collect())).collect();
    blokken.extend(gestapeld("Uitkeringen naar duur, einde kwartaal", punten, duur));

    // --- Kosten en BUIG-budget ---
    blokken.push(Blok::Kop1(format!("Kosten en BUIG-budget {t}")));
    blokken.extend(kosten_blokken(t, &kwartaal, budget.map(|b| (soort_tekst(b.soort), b.bedrag)), &maanden, besteed));

    // --- Vangnet ---
    blokken.push(Blok::Kop1("Vangnetpositie".into()));
    let overzicht = buig_prognose::budgetoverzicht(&g);
    let prognose = if g.realisatie.is_empty() {
        None
    } else {
        prognose_rapport(&g, spells, &PrognoseVraag { jaar: t, peildatum: einde, scenarios: vec![], runs: RUNS, seed: SEED }).ok()
    };
    if let Some(r) = &prognose {
        blokken.push(Blok::Alinea(gewoon(format!(
            "Op basis van de realisatie t/m {kwartaal} wordt over {t} een resultaat verwacht van {} ({}% tekort); met 80% zekerheid tussen {} en {}.",
            nl::money(r.prognose.resultaat),
            nl::getal(r.prognose.tekort_percentage, 2),
            r.onzekerheid.as_ref().map(|o| nl::money(o.p10)).unwrap_or_else(|| "onbekend".into()),
            r.onzekerheid.as_ref().map(|o| nl::money(o.p90)).unwrap_or_else(|| "onbekend".into()),
        ))));
    }
    blokken.extend(vangnet_blokken(&overzicht, prognose.as_ref(), t, &naam));

    let mut kenmerken = Vec::new();
    if let Some(c) = g.gemeente {
        kenmerken.push(("Gemeente".to_string(), format!("{naam} ({c})")));
    }
    kenmerken.push(("Kwartaal".into(), format!("{kwartaal} (t/m {})", nl::date_long(einde))));
    kenmerken.push(("Datum".into(), nl::date_long(vraag.datum)));
    Ok(Document {
        titel: format!("Kwartaalmonitor BUIG {kwartaal} — {naam}"),
        kenmerken,
        blokken,
        voettekst: format!("Kwartaalmonitor BUIG {kwartaal} — {naam} — pagina "),
    })
}

/// The section per 1,000 inhabitants: the gemeente beside its size class
/// and the Netherlands, a line chart and its table, and why a group is unknown.
fn per_1000_blokken(naam: &str, punten: &[Punt], inwoners: &BTreeMap<i32, u64>, vergelijking: Option<&MonitorVergelijking>) -> Vec<Blok> {
    let mut blokken = vec![Blok::Alinea(gewoon(
        "Het aantal uitkeringen per 1.000 inwoners (inwonertal op 1 januari van het jaar), zodat de ontwikkeling los van de groei of krimp van de gemeente te lezen is en naast andere gemeenten kan worden gelegd. Een jaar zonder inwonertal blijft leeg.",
    ))];
    let klasse = vergelijking.and_then(|v| v.klasse.as_ref());
    let land = vergelijking.map(|v| &v.land);
    match vergelijking {
        None => blokken.push(Blok::Alinea(gewoon(
            "De vergelijking met de grootteklasse en met Nederland is onbekend: bij deze monitor zijn geen cijfers van andere gemeenten meegegeven.",
        ))),
        Some(v) if v.land.gemeenten < MIN_GROEP => blokken.push(Blok::Alinea(gewoon(format!(
            "De vergelijking met de grootteklasse en met Nederland is onbekend: de database bevat voor deze kwartalen uitkeringen van {} {}; een groep wordt pas getoond vanaf {MIN_GROEP} gemeenten, zodat er geen afzonderlijke gemeente uit af te lezen is.",
            getal(v.land.gemeenten as u64),
            if v.land.gemeenten == 1 { "gemeente" } else { "gemeenten" }
        )))),
        Some(v) => {
            let mut uitleg = vec![match &v.klasse {
                Some(k) => groep_uitleg("Grootteklasse", k),
                None => format!("Grootteklasse: onbekend, want het inwonertal van {naam} is niet bekend."),
            }];
            uitleg.push(groep_uitleg("Nederland", &v.land));
            uitleg.push(
                "Een gemeente telt mee wanneer de database aan het einde van elk kwartaal lopende uitkeringen van haar bevat; Nederland is het hele land alleen wanneer alle gemeenten zijn geïmporteerd."
                    .into(),
            );
            blokken.push(Blok::Alinea(gewoon(uitleg.join(" "))));
        }
    }
    let klasse_naam = klasse.map_or_else(|| "Grootteklasse".to_string(), |k| hoofdletter(&k.groep));
    let mut gp = Grafiek::new("Uitkeringen per 1.000 inwoners", Soort::Lijn, Eenheid::Aantal);
    gp.x_labels = punten.iter().map(|p| kwartaal_label(&p.periode)).collect();
    gp.reeksen.push(Reeks::new(naam.to_string(), punten.iter().map(|p| p.per_1000).collect()));
    let klasse_w: Vec<Option<f64>> = (0..punten.len()).map(|i| groep_per_1000(klasse, i)).collect();
    let land_w: Vec<Option<f64>> = (0..punten.len()).map(|i| groep_per_1000(land, i)).collect();
    if klasse_w.iter().any(Option::is_some) {
        gp.reeksen.push(Reeks { naam: klasse_naam.clone(), waarden: klasse_w.clone(), stijl: Stijl::Gestippeld });
    }
    if land_w.iter().any(Option::is_some) {
        gp.reeksen.push(Reeks { naam: "Nederland".into(), waarden: land_w.clone(), stijl: Stijl::Gestippeld });
    }
    let per = |v: Option<f64>| v.map(|v| nl::getal(Decimal::from_f64_retain(v).unwrap_or_default(), 2));
    let rijen = punten
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let jaar: i32 = p.periode.get(..4).and_then(|j| j.parse().ok()).unwrap_or_default();
            vec![
                kwartaal_label(&p.periode),
                getal(p.stand),
                inwoners.get(&jaar).map(|n| getal(*n)).unwrap_or_else(|| "onbekend".into()),
                per(p.per_1000).unwrap_or_else(|| "–".into()),
                per(klasse_w[i]).unwrap_or_else(|| "onbekend".into()),
                per(land_w[i]).unwrap_or_else(|| "onbekend".into()),
            ]
        })
        .collect();
    let tabel = Tabel {
        kop: vec![
            "Kwartaal".into(),
            "Uitkeringen".into(),
            "Inwoners".into(),
            format!("Per 1.000 {naam}"),
            "Per 1.000 grootteklasse".into(),
            "Per 1.000 Nederland".into(),
        ],
        rijen,
        rechts: vec![false, true, true, true, true, true],
    };
    blokken.extend(grafiek_met_tabel(gp, tabel));
    blokken
}

/// `gemeenten met …` → `Gemeenten met …`.
fn hoofdletter(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn kosten_blokken(t: Year, kwartaal: &str, budget: Option<(&str, Money)>, maanden: &[(u8, Money)], besteed: Money) -> Vec<Blok> {
    let mut b = Vec::new();
    let Some((soort, bedrag)) = budget else {
        b.push(Blok::Kader { titel: "Geen budget".into(), items: vec![format!("Er is nog geen beschikking over {t} bekend.")] });
        return b;
    };
    let naar_rato = |m: u8| bedrag.maal_breuk(i128::from(m), 12);
    let laatste_maand = maanden.last().map_or(0, |m| m.0);
    b.push(Blok::Alinea(gewoon(format!(
        "De netto lasten (lasten min baten) t/m {kwartaal} zijn {}; naar rato van het {soort} budget ({}) was {} beschikbaar, een verschil van {}.",
        nl::money(besteed),
        nl::money(bedrag),
        nl::money(naar_rato(laatste_maand)),
        nl::money(naar_rato(laatste_maand) - besteed)
    ))));
    let mut g = Grafiek::new(format!("Netto lasten {t} cumulatief tegen het BUIG-budget"), Soort::Lijn, Eenheid::Euro);
    g.x_labels = (1..=12i8).map(|m| nl::month_short(t.get() as i16, m)).collect();
    let mut cum = Money::ZERO;
    let mut lasten = vec![None; 12];
    let mut rijen = Vec::new();
    for (m, n) in maanden {
        cum += *n;
        lasten[(*m - 1) as usize] = Some(euro_f64(cum));
        rijen.push(vec![
            nl::month_short(t.get() as i16, *m as i8),
            nl::money(*n),
            nl::money(cum),
            nl::money(naar_rato(*m)),
            nl::money(naar_rato(*m) - cum),
        ]);
    }
    g.reeksen.push(Reeks::new("Netto lasten cumulatief", lasten));
    g.reeksen.push(Reeks {
        naam: format!("Budget naar rato ({soort})"),
        waarden: (1..=12u8).map(|m| Some(euro_f64(naar_rato(m)))).collect(),
        stijl: Stijl::Gestippeld,
    });
    // The table has the budget for the realised months; the chart's line runs on to December.
    let mut tabel = Tabel {
        kop: vec!["Maand".into(), "Netto lasten".into(), "Cumulatief".into(), "Budget naar rato".into(), "Verschil".into()],
        rijen,
        rechts: vec![false, true, true, true, true],
    };
    for m in (laatste_maand + 1)..=12 {
        tabel.rijen.push(vec![nl::month_short(t.get() as i16, m as i8), "–".into(), "–".into(), nl::money(naar_rato(m)), "–".into()]);
    }
    b.extend(grafiek_met_tabel(g, tabel));
    b
}
