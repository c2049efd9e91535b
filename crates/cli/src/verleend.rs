// SPDX-License-Identifier: EUPL-1.2
//! `buig verleend`: over which years a gemeente was granted a
//! vangnetuitkering. The notitie vangnet, `buig budget` and the web app read
//! it for condition e (aanhoudend tekort) when `--verleend` is not given.

use buig_core::{GemeenteCode, Year};
use buig_store::verleend::Verleend;
use clap::Args;

use crate::fout::{Fout, Uit};
use crate::gedeeld::{open_store, parse_amount, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig verleend --gemeente GM0150\n  buig verleend --gemeente GM0150 --jaar 2022 --verleend ja --bedrag 444700 --bron \"beschikking SZW 2023\"\n  buig verleend --gemeente GM0150 --jaar 2021 --verleend nee --bron \"jaarrekening 2021\""
)]
pub(crate) struct VerleendArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Het tekortjaar waarover de vangnetuitkering gaat; zonder: de vastgelegde jaren tonen
    #[arg(long, requires = "verleend")]
    jaar: Option<String>,
    /// ja | nee
    #[arg(long, requires = "jaar")]
    verleend: Option<String>,
    /// Het toegekende bedrag in euro's
    #[arg(long, requires = "jaar")]
    bedrag: Option<String>,
    /// Waar het vandaan komt (beschikking, jaarrekening)
    #[arg(long, requires = "jaar")]
    bron: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

pub(crate) fn verleend(a: &VerleendArgs) -> Uit<()> {
    let code: GemeenteCode = a.gemeente.parse().map_err(|e| Fout::Invoer(format!("--gemeente: {e}")))?;
    let db = |e: buig_store::StoreError| Fout::Intern(e.to_string());
    if let (Some(jaar), Some(v)) = (&a.jaar, &a.verleend) {
        let jaar: Year = jaar.parse().map_err(|e| Fout::Invoer(format!("--jaar: {e}")))?;
        let verleend = match v.trim().to_lowercase().as_str() {
            "ja" => true,
            "nee" => false,
            o => return Err(Fout::Invoer(format!("--verleend: \"{o}\" is geen ja of nee"))),
        };
        let bedrag = a.bedrag.as_deref().map(parse_amount).transpose().map_err(|e| Fout::Invoer(format!("--bedrag: {e}")))?;
        if bedrag.is_some() && !verleend {
            return Err(Fout::Invoer("--bedrag: alleen bij --verleend ja".into()));
        }
        let bron = a.bron.as_deref().map(str::trim).filter(|b| !b.is_empty()).unwrap_or("opgegeven via de opdrachtregel").to_string();
        let store = open_store(&a.db)?;
        let v = Verleend { jaar, verleend, bedrag, status: "opgegeven".into(), bron };
        buig_store::block_on(async {
            store.gemeente(code).await.map_err(db)?.ok_or(Fout::Invoer(format!("--gemeente: {code} is onbekend")))?;
            store.zet_verleend(code, &v).await.map_err(db)?;
            let details = format!("jaar={} verleend={}", v.jaar, if v.verleend { "ja" } else { "nee" });
            store.audit(None, "vangnet.verleend", Some(&code), &details).await.map_err(db)
        })?;
        println!("{code} {}: vangnetuitkering {}.", v.jaar, if v.verleend { "verleend" } else { "niet verleend" });
        return Ok(());
    }
    let store = open_store(&a.db)?;
    let rijen = buig_store::block_on(store.verleend(code)).map_err(db)?;
    if rijen.is_empty() {
        println!("Voor {code} is niet vastgelegd over welke jaren een vangnetuitkering is verleend (voorwaarde e blijft dan onbekend, tenzij --verleend wordt meegegeven).");
    }
    for r in rijen {
        let bedrag = r.bedrag.map(|b| format!(" {}", buig_core::nl::money(b))).unwrap_or_default();
        let wat = if r.verleend { "verleend" } else { "niet verleend" };
        println!("{} {wat}{bedrag} ({}; bron: {})", r.jaar, r.status, r.bron);
    }
    Ok(())
}

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig jaarcijfer --gemeente GM0150\n  buig jaarcijfer --gemeente GM0150 --jaar 2022 --budget 37.000.000 --tekort 3.663.000 --bron \"jaarrekening 2022\"\n  buig jaarcijfer --gemeente GM0150 --jaar 2021 --budget 36.000.000 --lasten 35.500.000 --bron \"SiSa 2021\"\n\nEen overschot is een negatief tekort (--tekort=-500000). Alleen voor jaren zonder maandrealisatie: met 12 maanden realisatie telt die."
)]
pub(crate) struct JaarcijferArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Het jaar; zonder: de vastgelegde jaarcijfers tonen
    #[arg(long, requires = "budget")]
    jaar: Option<String>,
    /// Het definitieve budget (BUIG) van dat jaar, in euro's
    #[arg(long, requires = "jaar", allow_hyphen_values = true)]
    budget: Option<String>,
    /// Het tekort (lasten min baten min budget); negatief voor een overschot
    #[arg(long, conflicts_with = "lasten", allow_hyphen_values = true)]
    tekort: Option<String>,
    /// De netto lasten (lasten min baten); het tekort wordt dan lasten min budget
    #[arg(long, allow_hyphen_values = true)]
    lasten: Option<String>,
    /// Het budget zoals het zonder artikel 7 Besluit Participatiewet zou zijn geweest, waar dat gold: de vangnetdrempels worden daarvan genomen
    #[arg(long, requires = "jaar")]
    budget_zonder_art7: Option<String>,
    /// Een raming in plaats van de realisatie
    #[arg(long)]
    prognose: bool,
    /// Waar de cijfers vandaan komen (jaarrekening, SiSa-bijlage)
    #[arg(long)]
    bron: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

/// `buig jaarcijfer`: a past year's budget and shortfall as the jaarrekening or SiSa states them.
pub(crate) fn jaarcijfer(a: &JaarcijferArgs) -> Uit<()> {
    let code: GemeenteCode = a.gemeente.parse().map_err(|e| Fout::Invoer(format!("--gemeente: {e}")))?;
    let db = |e: buig_store::StoreError| Fout::Intern(e.to_string());
    let bedrag =
        |veld: &str, s: &Option<String>| s.as_deref().map(parse_amount).transpose().map_err(|e| Fout::Invoer(format!("--{veld}: {e}")));
    let store = open_store(&a.db)?;
    if let (Some(jaar), Some(budget)) = (&a.jaar, bedrag("budget", &a.budget)?) {
        let jaar: Year = jaar.parse().map_err(|e| Fout::Invoer(format!("--jaar: {e}")))?;
        if !budget.is_positive() {
            return Err(Fout::Invoer("--budget: een budget is groter dan nul".into()));
        }
        let lasten = bedrag("lasten", &a.lasten)?;
        let tekort = match (bedrag("tekort", &a.tekort)?, lasten) {
            (Some(t), _) => t,
            (None, Some(l)) => l - budget,
            (None, None) => return Err(Fout::Invoer("geef --tekort of --lasten".into())),
        };
        let budget_zonder_art7 = bedrag("budget-zonder-art7", &a.budget_zonder_art7)?;
        if budget_zonder_art7.is_some_and(|b| !b.is_positive()) {
            return Err(Fout::Invoer("--budget-zonder-art7: een budget is groter dan nul".into()));
        }
        let j = buig_core::records::Jaarcijfer {
            jaar,
            stadium: if a.prognose { buig_core::records::Stadium::Prognose } else { buig_core::records::Stadium::Realisatie },
            lasten,
            budget: Some(budget),
            tekort: Some(tekort),
            tekort_percentage: None,
            budget_zonder_art7,
            status: "opgegeven".into(),
            bron: a.bron.as_deref().map(str::trim).filter(|b| !b.is_empty()).unwrap_or("opgegeven via de opdrachtregel").to_string(),
            opmerking: String::new(),
        };
        buig_store::block_on(async {
            store.gemeente(code).await.map_err(db)?.ok_or(Fout::Invoer(format!("--gemeente: {code} is onbekend")))?;
            store.zet_jaarcijfer(code, &j).await.map_err(db)?;
            let details = format!("jaar={} stadium={} budget={} tekort={}", j.jaar, j.stadium, budget, tekort);
            store.audit(None, "jaarcijfer", Some(&code), &details).await.map_err(db)
        })?;
        let pct = buig_core::Percentage::ratio(tekort, budget).map(|p| format!(" ({})", buig_core::nl::percentage(p))).unwrap_or_default();
        println!(
            "{code} {}: {} budget {}, {} {}{pct} vastgelegd.",
            j.jaar,
            j.stadium,
            buig_core::nl::money(budget),
            if tekort.is_negative() { "overschot" } else { "tekort" },
            buig_core::nl::money(if tekort.is_negative() { -tekort } else { tekort })
        );
        return Ok(());
    }
    let rijen = buig_store::block_on(store.jaarcijfers(code)).map_err(db)?;
    if rijen.is_empty() {
        println!("Voor {code} zijn geen jaarcijfers vastgelegd.");
    }
    for r in rijen {
        let geld = |m: Option<buig_core::Money>| m.map(buig_core::nl::money).unwrap_or_else(|| "onbekend".into());
        let pct = r.tekort_percentage.map(|p| format!(", {}", buig_core::nl::procent(p, 2))).unwrap_or_default();
        let art7 = r.budget_zonder_art7.map(|b| format!(", budget zonder art. 7 {}", buig_core::nl::money(b))).unwrap_or_default();
        println!(
            "{} {}: budget {}{art7}, tekort {}{pct} ({}; bron: {})",
            r.jaar,
            r.stadium,
            geld(r.budget),
            geld(r.tekort),
            r.status,
            r.bron
        );
    }
    Ok(())
}
