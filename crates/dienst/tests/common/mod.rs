// SPDX-License-Identifier: EUPL-1.2
//! Shared by the document tests: the demo gemeente without a database,
//! Deventer as the seeds give it, reading a .docx, and each document made
//! as the CLI and the web app make it — the service layer's input, then
//! the document written from it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::OnceLock;

use buig_bestand::Reeks;
use buig_core::records::{ClientPseudoniem, Jaarcijfer, Stadium, Uitkering};
use buig_core::{GemeenteCode, Money, Year};
use buig_dienst::document::monitor::{kwartaal_vraag, monitor_invoer, MonitorVraag};
use buig_dienst::document::notitie::{notitie_invoer, oorzaken_vraag, NotitieVraag};
use buig_dienst::document::raadsmededeling::{raadsmededeling_invoer, RaadsmededelingVraag};
use buig_dienst::prognose::MonteCarlo;
use buig_dienst::{Fout, Gemeente, Landelijk};
use buig_prognose::{BudgetOverzicht, Gegevens};
use buig_rapport::doc::Document;
use buig_rapport::MonitorVergelijking;
use buig_rules::VangnetResult;
use rust_decimal::Decimal;

pub const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

pub struct Demo {
    pub gegevens: Gegevens,
    pub uitkeringen: Vec<Uitkering>,
    pub inwoners: BTreeMap<i32, u64>,
}

/// Voorbeeldstad as `buig demo` loads it.
pub fn demo() -> &'static Demo {
    static D: OnceLock<Demo> = OnceLock::new();
    D.get_or_init(|| {
        let demo = buig_synth::voorbeeldstad();
        let uitkeringen = demo.uitkeringen.iter().map(|s| s.als_uitkering(ClientPseudoniem(s.client_id.clone()))).collect();
        let gegevens = Gegevens {
            gemeente: Some(demo.gemeente),
            naam: Some(demo.naam.to_string()),
            budgetten: demo.budgetten.clone(),
            realisatie: demo.realisatie.clone(),
            jaarcijfers: Vec::new(),
            vangnet_verleend: None,
            verleend_per_jaar: Default::default(),
            rapportages: Vec::new(),
        };
        let inwoners = demo.inwoners.iter().map(|i| (i.jaar.get(), i.aantal)).collect();
        Demo { gegevens, uitkeringen, inwoners }
    })
}

pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut s = String::new();
    z.by_name(name).expect(name).read_to_string(&mut s).unwrap();
    // The renderers keep an amount with its euro sign (a non-breaking space); the tests read plain spaces.
    s.replace('\u{a0}', " ")
}

/// The pictures in `word/media/`.
pub fn docx_media(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let names: Vec<String> = z.file_names().filter(|n| n.starts_with("word/media/") && !n.ends_with('/')).map(str::to_string).collect();
    names
        .iter()
        .map(|n| {
            let mut v = Vec::new();
            z.by_name(n).unwrap().read_to_end(&mut v).unwrap();
            v
        })
        .collect()
}

pub fn strip_tags(xml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Checks that every chart is directly followed by a table that contains
/// each of the chart's values as written in its own table; returns the number of charts.
pub fn charts_followed_by_their_values(d: &buig_rapport::doc::Document) -> usize {
    use buig_rapport::doc::Blok;
    let mut n = 0;
    for (i, b) in d.blokken.iter().enumerate() {
        if let Blok::Grafiek(g) = b {
            n += 1;
            let Some(Blok::Tabel(t)) = d.blokken.get(i + 1) else { panic!("chart {} is not followed by a table", g.titel) };
            let cellen: Vec<&String> = t.rijen.iter().flatten().collect();
            for rij in g.tabel().rijen {
                for v in &rij[1..] {
                    // A chart's own table rounds to one decimal where the document may show two, and
                    // rounds half-euros of f64 values its own way (€ 28.256.218,50 → 218, nl::money → 219).
                    let waarde = |s: &str| s.replace(['€', '%', ' ', '.', '+'], "").replace(',', ".").replace('−', "-").parse::<f64>().ok();
                    let zelfde = |c: &str| {
                        c.contains(v.as_str())
                            || matches!((waarde(c), waarde(v)), (Some(a), Some(b)) if (a - b).abs() < if b.abs() >= 100.0 { 1.001 } else { 0.051 })
                    };
                    assert!(v == "–" || cellen.iter().any(|c| zelfde(c)), "{}: {v} not in its table {:?}", g.titel, t.rijen);
                }
            }
        }
    }
    n
}

pub fn jc(jaar: i32, budget: Option<i64>, tekort: Option<i64>, pct: Option<Decimal>) -> Jaarcijfer {
    Jaarcijfer {
        jaar: Year::new(jaar),
        stadium: Stadium::Realisatie,
        lasten: None,
        budget: budget.map(Money::from_euros),
        tekort: tekort.map(Money::from_euros),
        tekort_percentage: pct,
        budget_zonder_art7: None,
        status: "bevestigd".into(),
        bron: "seed".into(),
        opmerking: String::new(),
    }
}

/// As `buig demo` loads Deventer: 2023 in amounts, 2022 only as 9,9%.
pub fn deventer() -> Gegevens {
    Gegevens {
        gemeente: Some("GM0150".parse().unwrap()),
        naam: Some("Deventer".into()),
        jaarcijfers: vec![jc(2023, Some(41_984_531), Some(3_448_580), None), jc(2022, None, None, Some(Decimal::new(99, 1)))],
        ..Default::default()
    }
}

/// A gemeente as the service layer loads it, from figures and spells.
pub fn gemeente(g: &Gegevens, uitkeringen: &[Uitkering], inwoners: &BTreeMap<i32, u64>) -> Gemeente {
    let code = g.gemeente.unwrap_or_else(|| "GM9999".parse().unwrap());
    Gemeente {
        code,
        naam: g.naam_of_code().unwrap_or_else(|| code.to_string()),
        gegevens: g.clone(),
        uitkeringen: uitkeringen.to_vec(),
        inwoners: inwoners.clone(),
        toelichtingen: Vec::new(),
        briefhoofd: None,
    }
}

/// A notitie with the figures it was written from.
pub struct NotitieVangnet {
    pub resultaat: VangnetResult,
    pub overzicht: BudgetOverzicht,
    pub stadium: Stadium,
    pub document: Document,
}

/// The notitie without causes from the caseload, without plan and without Nederland.
pub fn notitie_vangnet(g: &Gegevens, vraag: &NotitieVraag) -> Result<NotitieVangnet, Fout> {
    notitie_vangnet_landelijk(g, &[], None, None, vraag)
}

/// The notitie with the causes from `uitkeringen` and the measures from `plan`.
pub fn notitie_vangnet_met(
    g: &Gegevens,
    uitkeringen: &[Uitkering],
    plan: Option<&buig_plan::Overzicht>,
    vraag: &NotitieVraag,
) -> Result<NotitieVangnet, Fout> {
    notitie_vangnet_landelijk(g, uitkeringen, plan, None, vraag)
}

/// The notitie with Nederland from every gemeente's series of [`oorzaken_vraag`].
pub fn notitie_vangnet_landelijk(
    g: &Gegevens,
    uitkeringen: &[Uitkering],
    plan: Option<&buig_plan::Overzicht>,
    landelijk: Option<&BTreeMap<GemeenteCode, Reeks>>,
    vraag: &NotitieVraag,
) -> Result<NotitieVangnet, Fout> {
    let gm = gemeente(g, uitkeringen, &BTreeMap::new());
    let l = landelijk.map(|reeksen| Landelijk {
        reeksen: reeksen.clone(),
        inwoners: BTreeMap::new(),
        vraag: oorzaken_vraag(vraag.jaar, vraag.peildatum).unwrap(),
    });
    // As the service layer shows a plan: its caseload change counted up to the peildatum.
    let plan = plan.cloned().map(|mut p| {
        if p.sinds_nulmeting.is_none() {
            p.sinds_nulmeting = buig_dienst::plan::ontwikkeling(p.nulmeting, &gm, vraag.peildatum);
        }
        p
    });
    let invoer = notitie_invoer(&gm, plan, l.as_ref(), vraag, &std::collections::BTreeSet::from([gm.code]))?;
    let overzicht = buig_prognose::budgetoverzicht(&match vraag.peildatum {
        Some(p) => g.tot_peildatum(p),
        None => g.clone(),
    });
    Ok(NotitieVangnet {
        resultaat: invoer.vangnet.resultaat.clone(),
        overzicht,
        stadium: invoer.vangnet.stadium,
        document: buig_rapport::notitie(&invoer),
    })
}

/// The raadsmededeling as `buig rapport raadsmededeling` makes it.
pub fn raadsmededeling(
    g: &Gegevens,
    uitkeringen: &[Uitkering],
    plan: Option<&buig_plan::Overzicht>,
    vraag: &RaadsmededelingVraag,
) -> Result<Document, Fout> {
    let gm = gemeente(g, uitkeringen, &BTreeMap::new());
    Ok(buig_rapport::raadsmededeling(&raadsmededeling_invoer(&gm, plan.cloned(), vraag, MonteCarlo::default())?))
}

/// The kwartaalmonitor without a comparison with other gemeenten.
pub fn kwartaalmonitor(
    g: &Gegevens,
    uitkeringen: &[Uitkering],
    inwoners: &BTreeMap<i32, u64>,
    vraag: &MonitorVraag,
) -> Result<Document, Fout> {
    let gm = gemeente(g, uitkeringen, inwoners);
    Ok(buig_rapport::kwartaalmonitor(&monitor_invoer(&gm, None, vraag, MonteCarlo::default(), &Default::default())?))
}

/// The every-gemeente series of the monitor's question as the national pass gives them.
pub fn landelijk_monitor(
    alle: &BTreeMap<GemeenteCode, Reeks>,
    inwoners: &BTreeMap<(GemeenteCode, i32), u64>,
    vraag: &MonitorVraag,
) -> Landelijk {
    Landelijk { reeksen: alle.clone(), inwoners: inwoners.clone(), vraag: kwartaal_vraag(vraag).unwrap().2 }
}

/// The comparison of the monitor for `code`.
pub fn monitor_vergelijking(
    code: GemeenteCode,
    alle: &BTreeMap<GemeenteCode, Reeks>,
    inwoners: &BTreeMap<(GemeenteCode, i32), u64>,
    vraag: &MonitorVraag,
) -> Result<MonitorVergelijking, Fout> {
    buig_dienst::document::monitor::vergelijking(code, &landelijk_monitor(alle, inwoners, vraag), vraag, &Default::default())
}

/// The kwartaalmonitor with the comparison `vergelijking` (made for the same question).
pub fn kwartaalmonitor_met(
    g: &Gegevens,
    uitkeringen: &[Uitkering],
    inwoners: &BTreeMap<i32, u64>,
    vergelijking: Option<&MonitorVergelijking>,
    vraag: &MonitorVraag,
) -> Result<Document, Fout> {
    let gm = gemeente(g, uitkeringen, inwoners);
    let mut invoer = monitor_invoer(&gm, None, vraag, MonteCarlo::default(), &Default::default())?;
    invoer.vergelijking = vergelijking.cloned();
    Ok(buig_rapport::kwartaalmonitor(&invoer))
}
