//! The "Raadsmededeling budget" (SPEC §5, model: seed 000, Deventer
//! 31-10-2023): the decisions of year t and t+1 side by side with their
//! dates, every change split into macro effect and share effect, the
//! expected result of year t at the peildatum with its uncertainty, the
//! vangnet outlook and — when an action plan is given — its progress per
//! action line. Each topic has a chart followed by its table.
//!
//! Nothing is computed here: decisions and changes come from
//! [`buig_prognose::budgetoverzicht`], the expected result and its P10–P90
//! from [`buig_prognose::rapport::prognose_rapport`] (2,000 seeded runs, so
//! the same data give the same document), the plan from [`buig_plan`].
//! Without spells or realisation there is no prognosis; the document says
//! so instead of guessing.

use buig_core::records::{BudgetSoort, Uitkering};
use buig_core::{nl, Money, Year};
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort, Stijl};
use buig_prognose::budget::{Beschikking, BudgetOverzicht, VangnetPositie};
use buig_prognose::rapport::{prognose_rapport, PrognoseRapport, PrognoseVraag};
use buig_prognose::Gegevens;
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::doc::{gewoon, grafiek, grafiek_met_tabel, met_kop, Blok, Document, Tabel};
use crate::notitie::tot_peildatum;
use crate::RapportFout;

/// Monte Carlo runs and seed of the expected result: fixed, so a document can be reproduced.
pub const RUNS: u32 = 2000;
pub const SEED: u64 = 2024;

/// What the raadsmededeling is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaadsmededelingVraag {
    /// Year t: its decisions and expected result; t+1's decisions are shown too.
    pub jaar: Year,
    /// Only decisions dated and months ended on or before this day count.
    pub peildatum: Date,
    /// The date printed on the document.
    pub datum: Date,
}

pub(crate) fn soort_tekst(s: BudgetSoort) -> &'static str {
    match s {
        BudgetSoort::Voorlopig => "voorlopig",
        BudgetSoort::NaderVoorlopig => "nader voorlopig",
        BudgetSoort::Definitief => "definitief",
    }
}

pub(crate) fn euro_f64(m: Money) -> f64 {
    m.cents() as f64 / 100.0
}

/// `€ 3.933.033 hoger` / `€ 12.000 lager` / `gelijk`.
fn hoger_lager(verschil: Money) -> String {
    if verschil.is_positive() {
        format!("{} hoger", nl::money(verschil))
    } else if verschil.is_negative() {
        format!("{} lager", nl::money(-verschil))
    } else {
        "gelijk".into()
    }
}

fn datum_tekst(b: &Beschikking) -> String {
    b.datum.as_deref().and_then(|d| Date::strptime("%Y-%m-%d", d).ok()).map(nl::date_long).unwrap_or_else(|| "datum onbekend".into())
}

fn aandeel_tekst(b: &Beschikking) -> String {
    match (b.aandeel, b.aandeel_exact) {
        (_, Some(a)) => format!("{}%", nl::getal(a, 4)),
        (Some(a), None) => format!("{}%", nl::getal(a, 2)),
        _ => "onbekend".into(),
    }
}

fn opt_money(m: Option<Money>) -> String {
    m.map(nl::money).unwrap_or_else(|| "onbekend".into())
}

fn vangnet_kort(v: Option<&VangnetPositie>) -> String {
    match v {
        None => "niet te bepalen".into(),
        Some(v) => {
            let mut t = match (v.recht, v.vangnetuitkering) {
                (Some(true), Some(x)) => format!("recht, {}", nl::euro(x)),
                (Some(false), _) => "geen recht".into(),
                _ => "onbekend (een eerder jaar ontbreekt)".into(),
            };
            if v.status == "onbevestigd" {
                t.push_str(" [onbevestigde regel]");
            }
            t
        }
    }
}

fn kans(p: f64) -> String {
    let d = Decimal::from_f64_retain(p * 100.0).unwrap_or_default().round_dp(0);
    format!("{}%", nl::getal(d, 0))
}

/// `nader voorlopig 2026` → `NV2026` (chart labels).
fn afkorting(s: &str) -> String {
    let (soort, jaar) = s.rsplit_once(' ').unwrap_or(("", s));
    let k = match soort {
        "voorlopig" => "V",
        "nader voorlopig" => "NV",
        "definitief" => "D",
        _ => soort,
    };
    format!("{k}{jaar}")
}

/// `definitief 2023` → `definitief budget 2023`.
fn budget_naam(s: &str) -> String {
    match s.rsplit_once(' ') {
        Some((soort, jaar)) => format!("{soort} budget {jaar}"),
        None => s.to_string(),
    }
}

/// The latest decision of a year known on the peildatum.
fn laatste(o: &BudgetOverzicht, y: Year) -> Option<&Beschikking> {
    o.jaren.iter().find(|j| j.jaar == y).and_then(|j| j.beschikkingen.iter().max_by_key(|b| b.soort))
}

/// Builds the raadsmededeling. Refuses only when neither year has a decision.
pub fn raadsmededeling(
    g: &Gegevens,
    spells: &[Uitkering],
    plan: Option<&buig_plan::Overzicht>,
    vraag: &RaadsmededelingVraag,
) -> Result<Document, RapportFout> {
    let t = vraag.jaar;
    let t1 = t.offset(1);
    let g = tot_peildatum(g, Some(vraag.peildatum));
    let overzicht = buig_prognose::budgetoverzicht(&g);
    let naam = g.naam.clone().or_else(|| g.gemeente.map(|c| c.to_string())).unwrap_or_else(|| "de gemeente".into());
    let (dt, dt1) = (laatste(&overzicht, t), laatste(&overzicht, t1));
    if dt.is_none() && dt1.is_none() {
        return Err(RapportFout::Gegevens(format!(
            "voor {naam} is op peildatum {} geen budgetbeschikking over {t} of {t1} bekend: importeer de beschikkingen (buig import budget)",
            nl::date_long(vraag.peildatum)
        )));
    }
    let onderwerp = {
        let deel = |b: Option<&Beschikking>, y: Year| b.map(|b| format!("{} budget {y}", soort_tekst(b.soort)));
        let delen: Vec<String> = [deel(dt, t), deel(dt1, t1)].into_iter().flatten().collect();
        format!("BUIG: {}", delen.join(" en "))
    };

    let prognose = if spells.is_empty() || g.realisatie.is_empty() {
        Err("er zijn geen uitkeringen of geen maandrealisatie geïmporteerd".to_string())
    } else {
        prognose_rapport(&g, spells, &PrognoseVraag { jaar: t, peildatum: vraag.peildatum, scenarios: vec![], runs: RUNS, seed: SEED })
            .map_err(|e| e.to_string())
    };

    let mut blokken = Vec::new();

    // --- Inleiding ---
    blokken.push(Blok::Kop1("Inleiding".into()));
    blokken.push(Blok::Alinea(gewoon(format!(
        "De raad wordt via deze raadsmededeling geïnformeerd over het {}. Gemeenten ontvangen van het Rijk een gebundelde uitkering (BUIG) voor het bekostigen van de uitkeringen in het kader van de Participatiewet, IOAW, IOAZ en Bbz 2004 (levensonderhoud startende ondernemers) en voor de inzet van loonkostensubsidie.",
        onderwerp.trim_start_matches("BUIG: ").replace(" budget ", " BUIG-budget ")
    ))));

    // --- Kern van de boodschap ---
    blokken.push(Blok::Kop1("Kern van de boodschap".into()));
    let mut kern = Vec::new();
    for (y, laatst) in [(t, dt), (t1, dt1)] {
        let Some(b) = laatst else {
            kern.push(gewoon(format!("Over {y} is op {} nog geen beschikking bekend.", nl::date_long(vraag.peildatum))));
            continue;
        };
        let mut zin = format!("Het {} budget {y} bedraagt {}", soort_tekst(b.soort), nl::money(b.bedrag));
        let naar = format!("{} {y}", soort_tekst(b.soort));
        if let Some(w) = overzicht.wijzigingen.iter().find(|w| w.naar == naar) {
            zin.push_str(&format!("; dat is {} dan het {}", hoger_lager(w.verschil), budget_naam(&w.van)));
            if let (Some(m), Some(a)) = (w.macro_effect, w.aandeel_effect) {
                zin.push_str(&format!(" (macro-effect {}, aandeeleffect {})", nl::money(m), nl::money(a)));
            }
        }
        zin.push('.');
        kern.push(gewoon(zin));
    }
    match &prognose {
        Ok(r) => kern.push(gewoon(resultaat_zin(r, &naam))),
        Err(e) => kern.push(gewoon(format!("Een verwacht resultaat over {t} is niet te geven: {e}."))),
    }
    blokken.push(Blok::Lijst { genummerd: false, items: kern });

    // --- Beschikkingen ---
    blokken.push(Blok::Kop1(format!("Beschikkingen {t} en {t1}")));
    blokken.push(Blok::Alinea(gewoon(format!(
        "Het macrobudget wordt voorlopig vastgesteld in september voorafgaand aan het uitvoeringsjaar, in het voorjaar nader voorlopig en in september van het uitvoeringsjaar definitief. Hieronder de beschikkingen die op {} bekend waren.",
        nl::date_long(vraag.peildatum)
    ))));
    let mut rijen = Vec::new();
    let mut g_besch = Grafiek::new(format!("BUIG-budget {t} en {t1} per beschikking"), Soort::Staaf, Eenheid::Euro);
    let mut waarden = Vec::new();
    for y in [t, t1] {
        for b in overzicht.jaren.iter().filter(|j| j.jaar == y).flat_map(|j| &j.beschikkingen) {
            rijen.push(vec![
                y.to_string(),
                soort_tekst(b.soort).to_string(),
                datum_tekst(b),
                nl::money(b.bedrag),
                opt_money(b.macrobudget),
                aandeel_tekst(b),
            ]);
            g_besch.x_labels.push(format!("{} {y}", soort_tekst(b.soort)));
            waarden.push(Some(euro_f64(b.bedrag)));
        }
    }
    g_besch.reeksen.push(Reeks::new("Budget", waarden));
    blokken.extend(grafiek_met_tabel(
        g_besch,
        Tabel {
            kop: vec!["Jaar".into(), "Beschikking".into(), "Datum".into(), "Budget".into(), "Macrobudget".into(), "Aandeel".into()],
            rijen,
            rechts: vec![false, false, false, true, true, true],
        },
    ));

    // --- Macro- en aandeeleffect ---
    let wijzigingen: Vec<_> =
        overzicht.wijzigingen.iter().filter(|w| w.naar.ends_with(&format!(" {t}")) || w.naar.ends_with(&format!(" {t1}"))).collect();
    blokken.push(Blok::Kop1("Macro-effect en aandeeleffect".into()));
    blokken.push(Blok::Alinea(gewoon(
        "Elke wijziging van het budget is gesplitst in het macro-effect (de ontwikkeling van het landelijke macrobudget bij een gelijk aandeel) en het aandeeleffect (de verandering van het aandeel van de gemeente in het macrobudget, het gevolg van het verdeelmodel en de eigen kenmerken). Samen zijn ze het verschil, tot op de cent.",
    )));
    if wijzigingen.is_empty() {
        blokken.push(Blok::Alinea(gewoon(format!("Er is over {t} en {t1} nog geen wijziging tussen twee beschikkingen bekend."))));
    } else {
        let mut gw = Grafiek::new("Wijziging van het budget: macro- en aandeeleffect", Soort::GestapeldeStaaf, Eenheid::Euro);
        gw.nullijn = true;
        gw.x_labels = wijzigingen.iter().map(|w| format!("{} → {}", afkorting(&w.van), afkorting(&w.naar))).collect();
        gw.reeksen.push(Reeks::new("Macro-effect", wijzigingen.iter().map(|w| w.macro_effect.map(euro_f64)).collect()));
        gw.reeksen.push(Reeks::new("Aandeeleffect", wijzigingen.iter().map(|w| w.aandeel_effect.map(euro_f64)).collect()));
        if wijzigingen.iter().any(|w| w.blks_verschil.is_some()) {
            gw.reeksen.push(Reeks::new("BLKS", wijzigingen.iter().map(|w| w.blks_verschil.map(euro_f64)).collect()));
        }
        let met_blks = wijzigingen.iter().any(|w| w.blks_verschil.is_some());
        let mut kop = vec!["Van → naar".to_string(), "Verschil".into(), "Macro-effect".into(), "Aandeeleffect".into()];
        if met_blks {
            kop.push("BLKS".into());
        }
        kop.push("Toelichting".into());
        let rijen = wijzigingen
            .iter()
            .map(|w| {
                let mut r =
                    vec![format!("{} → {}", w.van, w.naar), nl::money(w.verschil), opt_money(w.macro_effect), opt_money(w.aandeel_effect)];
                if met_blks {
                    r.push(opt_money(w.blks_verschil));
                }
                r.push(w.toelichting.replace('.', ","));
                r
            })
            .collect();
        let n = kop.len();
        let tabel = Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0 && i < n - 1).collect() };
        blokken.extend(grafiek_met_tabel(gw, tabel));
    }

    // --- Verwacht resultaat ---
    blokken.push(Blok::Kop1(format!("Verwacht resultaat {t}")));
    match &prognose {
        Err(e) => blokken.push(Blok::Kader {
            titel: "Geen prognose".into(),
            items: vec![format!("Het verwachte resultaat over {t} is niet te berekenen: {e}.")],
        }),
        Ok(r) => blokken.extend(resultaat_blokken(r)),
    }

    // --- Vangnet ---
    blokken.push(Blok::Kop1("Vangnet".into()));
    blokken.extend(vangnet_blokken(&overzicht, prognose.as_ref().ok(), t, &naam));

    // --- Aanvalsplan ---
    if let Some(p) = plan {
        blokken.push(Blok::Kop1(format!("Voortgang {}", p.titel)));
        blokken.extend(plan_blokken(p));
    }

    // --- Let op ---
    let mut let_op: Vec<String> = overzicht.waarschuwingen.clone();
    if let Ok(r) = &prognose {
        // The same warning in other words (e.g. the vangnet years granted) is shown once.
        let onderwerp = |w: &str| w.split(':').next().unwrap_or(w).trim().to_string();
        for w in &r.prognose.waarschuwingen {
            if !let_op.iter().any(|l| onderwerp(l) == onderwerp(w)) {
                let_op.push(w.clone());
            }
        }
    }
    if !let_op.is_empty() {
        blokken.push(Blok::Kader { titel: "Let op".into(), items: let_op });
    }

    let mut kenmerken = vec![("Onderwerp".to_string(), onderwerp.clone())];
    if let Some(c) = g.gemeente {
        kenmerken.push(("Gemeente".into(), format!("{naam} ({c})")));
    }
    kenmerken.push(("Datum".into(), nl::date_long(vraag.datum)));
    kenmerken.push(("Peildatum".into(), nl::date_long(vraag.peildatum)));
    Ok(Document {
        titel: format!("Raadsmededeling {onderwerp} — {naam}"),
        kenmerken,
        blokken,
        voettekst: format!("Raadsmededeling BUIG {t}–{t1} — {naam} — pagina "),
    })
}

fn resultaat_zin(r: &PrognoseRapport, naam: &str) -> String {
    let p = &r.prognose;
    let wat = if p.resultaat.is_negative() { "nadeel (tekort)" } else { "voordeel (overschot)" };
    let mut s = format!(
        "Op basis van de realisatie over {} {} en het {} budget wordt voor {naam} over {} een {wat} verwacht van {} ({}% van het budget)",
        p.gerealiseerde_maanden,
        if p.gerealiseerde_maanden == 1 { "maand" } else { "maanden" },
        soort_tekst(p.budget.soort),
        p.jaar,
        nl::money(p.resultaat.abs()),
        nl::getal(p.tekort_percentage.abs(), 2),
    );
    if let Some(o) = &r.onzekerheid {
        s.push_str(&format!("; met 80% zekerheid ligt het resultaat tussen {} en {}", nl::money(o.p10), nl::money(o.p90)));
    }
    s.push('.');
    s
}

fn resultaat_blokken(r: &PrognoseRapport) -> Vec<Blok> {
    let p = &r.prognose;
    let mut b = vec![Blok::Alinea(gewoon(format!(
        "Het resultaat is het budget min de netto lasten (lasten min baten); een negatief resultaat is een tekort. De netto lasten zijn de gerealiseerde maanden ({}) plus de verwachte maanden: het verwachte aantal uitkeringen maal de gemiddelde prijs per uitkering ({}), plus de loonkostensubsidie.",
        nl::money(p.gerealiseerd_netto),
        nl::euro(p.prijs_per_uitkering)
    )))];
    let mut gm = Grafiek::new(format!("Netto lasten per maand {}", p.jaar), Soort::Staaf, Eenheid::Euro);
    gm.x_labels = p.maanden.iter().map(|m| maand_label(&m.maand)).collect();
    let gerealiseerd = p.maanden.iter().map(|m| (m.stadium == "realisatie").then(|| euro_f64(m.netto_lasten))).collect();
    let verwacht = p.maanden.iter().map(|m| (m.stadium != "realisatie").then(|| euro_f64(m.netto_lasten))).collect();
    gm.reeksen.push(Reeks::new("Gerealiseerd", gerealiseerd));
    gm.reeksen.push(Reeks { naam: "Verwacht".into(), waarden: verwacht, stijl: Stijl::Gestippeld });
    b.extend(grafiek(gm));
    let mut rijen = vec![
        vec!["Gerealiseerde netto lasten".into(), nl::money(p.gerealiseerd_netto)],
        vec!["Verwachte netto lasten overige maanden".into(), nl::money(p.geprojecteerd_netto)],
        vec!["Netto lasten (verwacht)".into(), nl::money(p.netto_lasten)],
        vec![format!("Budget ({})", soort_tekst(p.budget.soort)), nl::money(p.budget_bedrag)],
        vec!["Verwacht resultaat".into(), nl::money(p.resultaat)],
        vec!["Tekort in % van het budget".into(), format!("{}%", nl::getal(p.tekort_percentage, 2))],
    ];
    if let Some(o) = &r.onzekerheid {
        rijen.push(vec!["Resultaat P10 (ongunstig)".into(), nl::money(o.p10)]);
        rijen.push(vec!["Resultaat P50".into(), nl::money(o.p50)]);
        rijen.push(vec!["Resultaat P90 (gunstig)".into(), nl::money(o.p90)]);
        rijen.push(vec!["Kans op een tekort".into(), kans(o.kans_tekort)]);
        rijen.push(vec!["Kans op recht op een vangnetuitkering".into(), kans(o.kans_vangnet)]);
    }
    b.push(Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Bedrag".into()], rijen, rechts: vec![false, true] }));
    if let Some(o) = &r.onzekerheid {
        b.push(Blok::Alinea(gewoon(format!(
            "De bandbreedte komt uit {} doorrekeningen met wisselende instroom, uitstroom en prijs (vast startgetal {}, dus herhaalbaar){}.",
            nl::getal(Decimal::from(o.runs), 0),
            o.seed,
            if o.budget_getrokken { "; het definitieve budget was op de peildatum nog niet bekend en is ook gevarieerd" } else { "" }
        ))));
    }
    b
}

/// `2024-03` → `mrt 2024`.
pub(crate) fn maand_label(periode: &str) -> String {
    match (periode.get(..4).and_then(|y| y.parse::<i16>().ok()), periode.get(5..7).and_then(|m| m.parse::<i8>().ok())) {
        (Some(y), Some(m)) if (1..=12).contains(&m) => nl::month_short(y, m),
        _ => periode.to_string(),
    }
}

pub(crate) fn vangnet_blokken(o: &BudgetOverzicht, r: Option<&PrognoseRapport>, t: Year, naam: &str) -> Vec<Blok> {
    let mut b = Vec::new();
    let mut rijen = Vec::new();
    let mut gt = Grafiek::new("Tekort in % van het budget", Soort::Staaf, Eenheid::Procent);
    gt.nullijn = true;
    let mut pct = Vec::new();
    for y in (t.get() - 3)..t.get() {
        let y = Year::new(y);
        let j = o.jaren.iter().find(|j| j.jaar == y);
        let p = j.and_then(|j| j.tekort_percentage);
        gt.x_labels.push(y.to_string());
        pct.push(p.and_then(|d| d.to_string().parse::<f64>().ok()));
        rijen.push(vec![
            y.to_string(),
            "realisatie".into(),
            j.and_then(|j| j.resultaat).map(|r| nl::money(-r)).unwrap_or_else(|| "onbekend".into()),
            p.map(|d| format!("{}%", nl::getal(d, 2))).unwrap_or_else(|| "onbekend".into()),
            vangnet_kort(j.and_then(|j| j.vangnet.as_ref())),
        ]);
    }
    gt.x_labels.push(format!("{t} (verwacht)"));
    match r {
        Some(r) => {
            let p = &r.prognose;
            pct.push(p.tekort_percentage.to_string().parse::<f64>().ok());
            rijen.push(vec![
                t.to_string(),
                format!("prognose {}", maand_label(&p.peildatum)),
                nl::money(p.tekort),
                format!("{}%", nl::getal(p.tekort_percentage, 2)),
                vangnet_kort(p.vangnet.as_ref()),
            ]);
        }
        None => {
            pct.push(None);
            rijen.push(vec![t.to_string(), "prognose".into(), "onbekend".into(), "onbekend".into(), "niet te bepalen".into()]);
        }
    }
    gt.reeksen.push(Reeks::new("Tekort %", pct));

    let tekst = match r {
        Some(r) => {
            let p = &r.prognose;
            let kans_tekst = r
                .onzekerheid
                .as_ref()
                .map(|o| format!(" In {} van de doorrekeningen is er recht op een vangnetuitkering.", kans(o.kans_vangnet)))
                .unwrap_or_default();
            let positie = match p.vangnet.as_ref().map(|v| (v.recht, v.vangnetuitkering)) {
                Some((Some(true), Some(x))) => format!(
                    "Op basis van de huidige gegevens kan {naam} over {t} een beroep doen op het vangnet ad {}. Hiervoor moet wel de gehele vangnetprocedure worden doorlopen.",
                    nl::euro(x)
                ),
                Some((Some(false), _)) => format!("Op basis van de huidige gegevens heeft {naam} over {t} geen recht op een vangnetuitkering."),
                _ => format!("Of {naam} over {t} recht heeft op een vangnetuitkering, is niet vast te stellen: een van de voorgaande jaren ontbreekt."),
            };
            format!("{positie}{kans_tekst}")
        }
        None => format!("Zonder prognose is de vangnetpositie over {t} niet te bepalen."),
    };
    b.push(Blok::Alinea(gewoon(tekst)));
    let tabel = Tabel {
        kop: vec!["Jaar".into(), "Stadium".into(), "Tekort".into(), "Tekort %".into(), "Vangnet".into()],
        rijen,
        rechts: vec![false, false, true, true, false],
    };
    b.extend(grafiek_met_tabel(gt, tabel));
    b
}

pub(crate) fn plan_blokken(p: &buig_plan::Overzicht) -> Vec<Blok> {
    use buig_plan::Status;
    let mut b = Vec::new();
    let mut doel = Vec::new();
    if let Some(d) = p.doel_uitkeringen {
        doel.push(format!("{} uitkeringen minder", nl::getal(Decimal::from(d), 0)));
    }
    if let Some(d) = p.doel_euro {
        doel.push(format!("{} besparing", nl::money(d)));
    }
    let mut zin = format!("Het plan telt {} acties in {} actielijnen", p.totalen.acties, p.actielijnen.len());
    if !doel.is_empty() {
        zin.push_str(&format!("; het doel is {}", doel.join(" en ")));
    }
    zin.push('.');
    if let Some(o) = &p.sinds_nulmeting {
        zin.push_str(&format!(
            " Sinds de nulmeting ({}: {} uitkeringen) is het bestand {} tot {} in {}.",
            maand_label(&o.nulmeting_maand),
            nl::getal(Decimal::from(o.stand_nulmeting), 0),
            if o.verandering < 0 {
                format!("gedaald met {}", nl::getal(Decimal::from(-o.verandering), 0))
            } else {
                format!("gestegen met {}", nl::getal(Decimal::from(o.verandering), 0))
            },
            nl::getal(Decimal::from(o.stand_laatste), 0),
            maand_label(&o.laatste_maand)
        ));
    }
    b.push(Blok::Alinea(gewoon(zin)));
    let telling =
        |l: &buig_plan::LijnRegel, s: Option<Status>| l.acties.iter().filter(|a| a.laatste_status.as_ref().map(|u| u.status) == s).count();
    let mut gp = Grafiek::new("Acties per actielijn naar laatste status", Soort::GestapeldeStaaf, Eenheid::Aantal);
    gp.x_labels = p.actielijnen.iter().map(|l| format!("{}. {}", l.nummer, l.naam)).collect();
    let mut kolommen: Vec<(String, Option<Status>)> = Status::ALLE.iter().map(|s| (s.tekst().to_string(), Some(*s))).collect();
    kolommen.push(("nog geen status".into(), None));
    for (naam, s) in &kolommen {
        gp.reeksen.push(Reeks::new(naam.clone(), p.actielijnen.iter().map(|l| Some(telling(l, *s) as f64)).collect()));
    }
    gp.hoogte = 360;
    b.extend(grafiek(gp));
    let mut kop = vec!["Actielijn".to_string(), "Acties".into()];
    kop.extend(kolommen.iter().map(|(n, _)| n.clone()));
    kop.push("Budget".into());
    kop.push("Beoogd effect (uitkeringen)".into());
    let rijen = p
        .actielijnen
        .iter()
        .map(|l| {
            let mut r = vec![format!("{}. {}", l.nummer, l.naam), l.acties.len().to_string()];
            r.extend(kolommen.iter().map(|(_, s)| telling(l, *s).to_string()));
            let budget: Money = l.acties.iter().filter_map(|a| a.actie.budget).sum();
            r.push(nl::money(budget));
            let effect: i64 = l.acties.iter().filter_map(|a| a.actie.effect_uitkeringen).sum();
            r.push(nl::getal(Decimal::from(effect), 0));
            r
        })
        .collect();
    let n = kop.len();
    b.push(Blok::Tabel(Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0).collect() }));
    let risico: Vec<String> = p
        .actielijnen
        .iter()
        .flat_map(|l| &l.acties)
        .filter_map(|a| {
            let u = a.laatste_status.as_ref()?;
            matches!(u.status, Status::Risico | Status::Achter).then(|| {
                format!(
                    "{} {} — {} ({}){}",
                    a.actie.code,
                    a.actie.titel,
                    u.status.tekst(),
                    u.kwartaal,
                    u.notitie.as_deref().map(|n| format!(": {n}")).unwrap_or_default()
                )
            })
        })
        .collect();
    if !risico.is_empty() {
        b.push(Blok::Kader { titel: "Acties met risico of achter op schema".into(), items: risico });
    }
    b.push(Blok::Alinea(met_kop("Bron: ", p.bron.clone())));
    b
}
