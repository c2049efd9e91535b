// SPDX-License-Identifier: EUPL-1.2
//! The regional overview (model: seed 003, the BMWE gemeenten preparing the
//! vangnet 2018): per gemeente the spending, the grant and the shortfall of
//! the four years before t, the prognosis of t with its vangnet, and the
//! caseload, with the regional total where every gemeente's figure is known.
//! Unknown figures read "onbekend"; a total over an unknown is unknown.

use buig_core::{nl, GemeenteCode, Money, Year};
use buig_prognose::VangnetPositie;
use jiff::civil::Date;

use crate::doc::{gewoon, Blok, Document, Tabel};
use crate::gedeeld::{opt_money, ONBEKEND};

/// One year of a gemeente, as the budget view has it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegioJaar {
    pub jaar: Year,
    /// Net costs (lasten − baten): the "uitgaven" of the seed.
    pub uitgaven: Option<Money>,
    /// The definitief budget: the "rijksbijdrage BUIG".
    pub budget: Option<Money>,
    /// Negative = overschot.
    pub tekort: Option<Money>,
}

/// The prognosis of year t of a gemeente.
#[derive(Debug, Clone, PartialEq)]
pub struct RegioPrognose {
    pub uitgaven: Money,
    pub budget: Money,
    /// Which budget, after "het": "voorlopige budget van 1 augustus 2018", "verwachte definitieve budget".
    pub budget_label: String,
    pub tekort: Money,
    /// Where the prognosis comes from: "raming in de jaarcijfers", "prognose op 31 oktober 2026".
    pub bron: String,
    pub vangnet: Option<VangnetPositie>,
}

/// One gemeente of the region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegioGemeente {
    pub code: GemeenteCode,
    pub naam: String,
    /// The years t-4 .. t-1.
    pub jaren: Vec<RegioJaar>,
    pub prognose: Option<RegioPrognose>,
    /// Benefits running on 1 January of t-3 .. t (`None`: no spells in the data).
    pub bestand: Vec<(Year, Option<u64>)>,
}

/// What the regional overview is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct RegioInvoer {
    pub jaar: Year,
    pub datum: Date,
    pub gemeenten: Vec<RegioGemeente>,
}

/// The sum when every part is known.
fn som(delen: impl IntoIterator<Item = Option<Money>>) -> Option<Money> {
    delen.into_iter().try_fold(Money::ZERO, |a, b| Some(a + b?))
}

fn tekort_tekst(t: Option<Money>) -> String {
    match t {
        Some(t) if t.is_negative() => format!("overschot {}", nl::money(-t)),
        t => opt_money(t),
    }
}

/// The vangnetuitkering of a prognosis in a cell: the amount, "geen", or unknown.
fn vangnet_bedrag(v: Option<&VangnetPositie>) -> Option<Money> {
    let r = &v?.resultaat;
    match r.recht {
        Some(true) => r.vangnetuitkering,
        Some(false) => Some(Money::ZERO),
        None => None,
    }
}

/// Writes the regional overview.
pub fn regio(v: &RegioInvoer) -> Document {
    let t = v.jaar;
    let namen: Vec<String> = v.gemeenten.iter().map(|g| g.naam.clone()).collect();
    let regio = nl::opsomming(&namen);
    let mut b = Vec::new();
    b.push(Blok::Kop1("Inleiding".into()));
    b.push(Blok::Alinea(gewoon(format!(
        "Dit overzicht zet de BUIG-cijfers van {regio} naast elkaar: de uitgaven, de rijksbijdrage en het tekort over {} tot en met {}, de prognose en de vangnetuitkering over {t} per gemeente, en het bijstandsbestand. Een regionaal totaal staat er alleen waar de cijfers van alle gemeenten bekend zijn; een ontbrekend cijfer heet onbekend.",
        t.offset(-4),
        t.offset(-1)
    ))));

    // --- Uitgaven en inkomsten per gemeente ---
    b.push(Blok::Kop1(format!("Uitgaven en inkomsten BUIG-budget {}–{}", t.offset(-4), t.offset(-1))));
    let jaren: Vec<Year> = (1..=4).map(|n| t.offset(-n)).collect();
    let mut kop = vec!["Gemeente".to_string(), "".to_string()];
    kop.extend(jaren.iter().map(|j| j.to_string()));
    let rechts: Vec<bool> = (0..kop.len()).map(|i| i > 1).collect();
    let mut rijen = Vec::new();
    let cel = |g: &RegioGemeente, y: Year| {
        g.jaren.iter().find(|j| j.jaar == y).cloned().unwrap_or(RegioJaar { jaar: y, uitgaven: None, budget: None, tekort: None })
    };
    for g in &v.gemeenten {
        for (i, (wat, f)) in [
            ("Uitgaven", (|j: &RegioJaar| opt_money(j.uitgaven)) as fn(&RegioJaar) -> String),
            ("Rijksbijdrage BUIG", |j: &RegioJaar| opt_money(j.budget)),
            ("Tekort", |j: &RegioJaar| tekort_tekst(j.tekort)),
        ]
        .into_iter()
        .enumerate()
        {
            let mut r = vec![if i == 0 { g.naam.clone() } else { String::new() }, wat.to_string()];
            r.extend(jaren.iter().map(|y| f(&cel(g, *y))));
            rijen.push(r);
        }
    }
    let totaal = |f: fn(&RegioJaar) -> Option<Money>, y: Year| som(v.gemeenten.iter().map(|g| f(&cel(g, y))));
    for (i, (wat, f)) in [
        ("Uitgaven", (|j: &RegioJaar| j.uitgaven) as fn(&RegioJaar) -> Option<Money>),
        ("Rijksbijdrage BUIG", |j: &RegioJaar| j.budget),
        ("Tekort", |j: &RegioJaar| j.tekort),
    ]
    .into_iter()
    .enumerate()
    {
        let mut r = vec![if i == 0 { "Regio".to_string() } else { String::new() }, wat.to_string()];
        r.extend(jaren.iter().map(|y| if wat == "Tekort" { tekort_tekst(totaal(f, *y)) } else { opt_money(totaal(f, *y)) }));
        rijen.push(r);
    }
    b.push(Blok::Tabel(Tabel { kop, rijen, rechts }));

    // --- Prognose en vangnetuitkering t ---
    b.push(Blok::Kop1(format!("Prognose vangnetuitkering {t} per gemeente")));
    let mut kop = vec!["".to_string()];
    kop.extend(v.gemeenten.iter().map(|g| g.naam.clone()));
    kop.push("Regio".into());
    let n = kop.len();
    let rij = |wat: &str, f: &dyn Fn(&RegioPrognose) -> Option<Money>| {
        let mut r = vec![wat.to_string()];
        let waarden: Vec<Option<Money>> = v.gemeenten.iter().map(|g| g.prognose.as_ref().and_then(f)).collect();
        r.extend(waarden.iter().map(|w| opt_money(*w)));
        r.push(opt_money(som(waarden)));
        r
    };
    let rijen = vec![
        rij("Uitgaven BUIG", &|p| Some(p.uitgaven)),
        rij("Budget", &|p| Some(p.budget)),
        rij("Tekort", &|p| Some(p.tekort)),
        rij("Vangnetuitkering", &|p| vangnet_bedrag(p.vangnet.as_ref())),
        rij("Tekort na aftrek vangnetuitkering", &|p| Some(p.tekort - vangnet_bedrag(p.vangnet.as_ref())?)),
    ];
    b.push(Blok::Tabel(Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0).collect() }));
    let mut uitleg = Vec::new();
    for g in &v.gemeenten {
        uitleg.push(match &g.prognose {
            None => format!("{}: geen prognose over {t} bekend ({ONBEKEND}).", g.naam),
            Some(pr) => {
                let vangnet = pr
                    .vangnet
                    .as_ref()
                    .map(buig_prognose::zinnen::positie_zin)
                    .unwrap_or_else(|| "de vangnetregels dekken dit jaar niet".into());
                format!("{}: {} op het {}; {vangnet}.", g.naam, pr.bron, pr.budget_label)
            }
        });
    }
    b.push(Blok::Lijst { genummerd: false, items: uitleg.into_iter().map(gewoon).collect() });

    // --- Bijstandsbestand ---
    if v.gemeenten.iter().any(|g| g.bestand.iter().any(|(_, s)| s.is_some())) {
        b.push(Blok::Kop1("Ontwikkeling bijstandsbestand".into()));
        let jaren: Vec<Year> = v.gemeenten.first().map(|g| g.bestand.iter().map(|(j, _)| *j).collect()).unwrap_or_default();
        let mut kop = vec!["Uitkeringen op 1 januari".to_string()];
        kop.extend(v.gemeenten.iter().map(|g| g.naam.clone()));
        kop.push("Totaal".into());
        let n = kop.len();
        let rijen = jaren
            .iter()
            .map(|y| {
                let waarden: Vec<Option<u64>> =
                    v.gemeenten.iter().map(|g| g.bestand.iter().find(|(j, _)| j == y).and_then(|(_, s)| *s)).collect();
                let mut r = vec![format!("1-1-{y}")];
                r.extend(waarden.iter().map(|w| w.map(nl::aantal).unwrap_or_else(|| ONBEKEND.into())));
                r.push(waarden.iter().try_fold(0u64, |a, w| Some(a + (*w)?)).map(nl::aantal).unwrap_or_else(|| ONBEKEND.into()));
                r
            })
            .collect();
        b.push(Blok::Tabel(Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0).collect() }));
    }

    Document {
        titel: format!("Regionaal overzicht BUIG {t} — {regio}"),
        kenmerken: vec![
            ("Gemeenten".to_string(), v.gemeenten.iter().map(|g| format!("{} ({})", g.naam, g.code)).collect::<Vec<_>>().join(", ")),
            ("Datum".into(), nl::date_long(v.datum)),
        ],
        blokken: b,
        voettekst: format!("Regionaal overzicht BUIG {t} — pagina "),
    }
}
