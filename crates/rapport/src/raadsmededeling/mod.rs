// SPDX-License-Identifier: EUPL-1.2
//! The "Raadsmededeling budget" (SPEC §5, model: seed 000, Deventer
//! 31-10-2023): the decisions of year t and t+1 side by side with their
//! dates, every change split into macro effect and share effect, the
//! expected result of year t at the peildatum with its uncertainty, the
//! vangnet outlook and — when an action plan is given — its progress per
//! action line. Each topic has a chart followed by its table.
//!
//! Nothing is computed here: [`RaadsmededelingInvoer`] carries the budget
//! view and the prognosis as they were known on the peildatum (the service
//! layer computes them with the same calls as every other view). Without a
//! prognosis the document says why instead of guessing.

pub mod beschikkingen;
pub mod plan;
pub mod raming;
pub mod resultaat;

use buig_core::{nl, GemeenteCode, Year};
use buig_prognose::budget::Beschikking;
use buig_prognose::{BudgetOverzicht, PrognoseUitkomst};
use jiff::civil::Date;

use crate::doc::{gewoon, Blok, Document};
use crate::gedeeld::{soort_tekst, vangnet_blokken};

/// What the raadsmededeling is made of.
#[derive(Debug, Clone)]
pub struct RaadsmededelingInvoer {
    pub gemeente: Option<GemeenteCode>,
    pub naam: String,
    /// Year t: its decisions and expected result; t+1's decisions are shown too.
    pub jaar: Year,
    pub peildatum: Date,
    /// The date printed on the document.
    pub datum: Date,
    /// The budget view on what was known on the peildatum.
    pub overzicht: BudgetOverzicht,
    /// The prognosis of year t at the peildatum, or why there is none.
    pub prognose: Result<PrognoseUitkomst, String>,
    /// The outlook t..t+4 at the peildatum (when the peildatum lies in t).
    pub raming: Option<buig_prognose::raming::Raming>,
    pub plan: Option<buig_plan::Overzicht>,
}

/// The latest decision of a year known on the peildatum.
fn laatste(o: &BudgetOverzicht, y: Year) -> Option<&Beschikking> {
    o.jaar(y).and_then(|j| j.laatste_beschikking())
}

/// Writes the raadsmededeling.
pub fn raadsmededeling(v: &RaadsmededelingInvoer) -> Document {
    let t = v.jaar;
    let t1 = t.offset(1);
    let overzicht = &v.overzicht;
    let naam = v.naam.clone();
    let (dt, dt1) = (laatste(overzicht, t), laatste(overzicht, t1));
    let onderwerp = {
        let deel = |b: Option<&Beschikking>, y: Year| b.map(|b| format!("{} budget {y}", soort_tekst(b.soort)));
        let delen: Vec<String> = [deel(dt, t), deel(dt1, t1)].into_iter().flatten().collect();
        format!("BUIG: {}", delen.join(" en "))
    };
    let prognose = &v.prognose;

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
            kern.push(gewoon(format!("Over {y} is op {} nog geen beschikking bekend.", nl::date_long(v.peildatum))));
            continue;
        };
        let mut zin = format!("Het {} budget {y} bedraagt {}", soort_tekst(b.soort), nl::money(b.bedrag));
        let naar = format!("{} {y}", soort_tekst(b.soort));
        if let Some(w) = overzicht.wijzigingen.iter().find(|w| w.naar == naar) {
            zin.push_str(&format!("; dat is {} dan het {}", beschikkingen::hoger_lager(w.verschil), beschikkingen::budget_naam(&w.van)));
            if let (Some(m), Some(a)) = (w.macro_effect, w.aandeel_effect) {
                zin.push_str(&format!(" (macro-effect {}, aandeeleffect {})", nl::money(m), nl::money(a)));
            }
        }
        zin.push('.');
        kern.push(gewoon(zin));
    }
    match &prognose {
        Ok(r) => kern.push(gewoon(resultaat::zin(r, &naam))),
        Err(e) => kern.push(gewoon(format!("Een verwacht resultaat over {t} is niet te geven: {e}."))),
    }
    blokken.push(Blok::Lijst { genummerd: false, items: kern });

    blokken.extend(beschikkingen::blokken(overzicht, t, v.peildatum));

    // --- Verwacht resultaat ---
    blokken.push(Blok::Kop1(format!("Verwacht resultaat {t}")));
    match &prognose {
        Err(e) => blokken.push(Blok::Kader {
            titel: "Geen prognose".into(),
            items: vec![format!("Het verwachte resultaat over {t} is niet te berekenen: {e}.")],
        }),
        Ok(r) => blokken.extend(resultaat::blokken(r)),
    }

    // --- Meerjarenraming ---
    if let Some(r) = &v.raming {
        blokken.extend(raming::blokken(r));
    }

    // --- Vangnet ---
    blokken.push(Blok::Kop1("Vangnet".into()));
    blokken.extend(vangnet_blokken(overzicht, prognose.as_ref().ok(), t, &naam));

    // --- Aanvalsplan ---
    if let Some(p) = &v.plan {
        blokken.push(Blok::Kop1(format!("Voortgang {}", p.titel)));
        blokken.extend(plan::blokken(p));
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
    if let Some(c) = v.gemeente {
        kenmerken.push(("Gemeente".into(), format!("{naam} ({c})")));
    }
    kenmerken.push(("Datum".into(), nl::date_long(v.datum)));
    kenmerken.push(("Peildatum".into(), nl::date_long(v.peildatum)));
    Document {
        titel: format!("Raadsmededeling {onderwerp} — {naam}"),
        kenmerken,
        blokken,
        voettekst: format!("Raadsmededeling BUIG {t}–{t1} — {naam} — pagina "),
    }
}
