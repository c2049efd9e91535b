// SPDX-License-Identifier: EUPL-1.2
//! `buig plan …`: the aanvalsplan — import (CSV or XLSX), the bundled
//! Deventer plan, the overview, one action with its history, quarterly
//! status with costs, evaluations and risks. Every change is written to the
//! audit log (without a user name: the command line). Nothing here computes: `buig-plan` does.

use std::path::{Path, PathBuf};

use buig_core::GemeenteCode;
use buig_store::plan::PlanOpslagFout;
use buig_store::Store;
use clap::{Args, Subcommand};

use crate::fout::{Fout, Uit};
use crate::gedeeld::{open_store, parse_amount, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig plan laad-voorbeeld\n  buig plan import plan.csv --gemeente GM0150 --titel \"Aanvalsplan BUIG 2022-2023\" --doel-uitkeringen 300 --doel-euro 1500000 --nulmeting 2022-12-31\n  buig plan import plan.xlsx --blad acties --gemeente GM0150 --titel \"Aanvalsplan BUIG 2022-2023\" --sturing \"Stuurgroep …\"\n  buig plan status --gemeente GM0150 --actie 1A --kwartaal 2023-K2 --status op_schema --gerealiseerd 4 --kosten 12500\n  buig plan evaluatie --gemeente GM0150 --actie 3A --oordeel regulier --toelichting \"LKS wordt staand beleid\"\n  buig plan risico --gemeente GM0150 --risico \"Krapte\" --beheersmaatregel \"Werving\" --kans hoog\n  buig plan actie --gemeente GM0150 --actie 1B\n  buig plan toon --gemeente GM0150 --json\n\nKolommen en betekenis: zie docs/plan.md."
)]
pub(crate) struct PlanArgs {
    #[command(subcommand)]
    actie: PlanCmd,
}

#[derive(Subcommand)]
enum PlanCmd {
    /// Een aanvalsplan inlezen uit CSV of XLSX (één rij per actie; een blad "risico's" in XLSX): alles of niets
    #[command(
        after_help = "Voorbeeld:\n  buig plan import plan.xlsx --blad acties --gemeente GM0150 --titel \"Aanvalsplan BUIG 2022-2023\" --nulmeting 2022-12-31"
    )]
    Import(PlanImportArgs),
    /// Het meegeleverde Aanvalsplan BUIG 2022-2023 van Deventer (GM0150) laden, met sturing en risico's
    #[command(after_help = "Voorbeeld:\n  buig plan laad-voorbeeld")]
    LaadVoorbeeld(DbArgs),
    /// Het plan tonen: acties met trekker, doel, laatste status, realisatie en kosten; voortgang per actielijn; risico's
    #[command(after_help = "Voorbeeld:\n  buig plan toon --gemeente GM0150")]
    Toon(PlanToonArgs),
    /// Eén actie met haar volledige statushistorie, kosten tegen budget en evaluaties
    #[command(after_help = "Voorbeeld:\n  buig plan actie --gemeente GM0150 --actie 1B")]
    Actie(PlanActieArgs),
    /// De status van een actie in een kwartaal vastleggen (met gerealiseerde waarde en kosten)
    #[command(
        after_help = "Voorbeeld:\n  buig plan status --gemeente GM0150 --actie 1A --kwartaal 2023-K2 --status op_schema --gerealiseerd 4 --kosten 12500"
    )]
    Status(PlanStatusArgs),
    /// Een actie evalueren: voortzetten, regulier of stoppen, met toelichting
    #[command(
        after_help = "Voorbeeld:\n  buig plan evaluatie --gemeente GM0150 --actie 3A --oordeel regulier --toelichting \"LKS wordt staand beleid\""
    )]
    Evaluatie(PlanEvaluatieArgs),
    /// Een risico met beheersmaatregel toevoegen of (met --nummer) vervangen
    #[command(
        after_help = "Voorbeeld:\n  buig plan risico --gemeente GM0150 --risico \"Krapte op de arbeidsmarkt\" --beheersmaatregel \"Werving\" --kans hoog"
    )]
    Risico(PlanRisicoArgs),
    /// Een risico verwijderen
    #[command(after_help = "Voorbeeld:\n  buig plan risico-verwijderen --gemeente GM0150 --nummer 2")]
    RisicoVerwijderen(PlanRisicoVerwijderenArgs),
}

#[derive(Args)]
struct PlanImportArgs {
    /// Het CSV-bestand (`;` of `,`) of XLSX-bestand, zie docs/plan.md
    bestand: PathBuf,
    /// XLSX: het blad met de acties (standaard het eerste)
    #[arg(long)]
    blad: Option<String>,
    /// CSV: een tweede CSV-bestand met risico's (kolommen risico, beheersmaatregel, eigenaar, kans, impact)
    #[arg(long)]
    risicos: Option<PathBuf>,
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Titel van het plan
    #[arg(long)]
    titel: String,
    /// Eerste dag van de planperiode (JJJJ-MM-DD)
    #[arg(long)]
    van: Option<String>,
    /// Laatste dag van de planperiode (JJJJ-MM-DD)
    #[arg(long)]
    tot: Option<String>,
    /// Doel: zoveel uitkeringen minder
    #[arg(long)]
    doel_uitkeringen: Option<i64>,
    /// Doel in euro's per jaar
    #[arg(long)]
    doel_euro: Option<String>,
    /// Datum van de nulmeting (JJJJ-MM-DD); de stand telt aan het eind van die maand
    #[arg(long)]
    nulmeting: Option<String>,
    /// Sturing: wie stuurt en hoe over de voortgang wordt gerapporteerd (vrije tekst)
    #[arg(long)]
    sturing: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct PlanKeuze {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Titel van het plan (nodig als de gemeente er meer heeft)
    #[arg(long)]
    titel: Option<String>,
}

#[derive(Args)]
struct PlanToonArgs {
    #[command(flatten)]
    plan: PlanKeuze,
    /// Uitvoer als JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct PlanActieArgs {
    #[command(flatten)]
    plan: PlanKeuze,
    /// Code van de actie, bijvoorbeeld 1B
    #[arg(long)]
    actie: String,
    /// Uitvoer als JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct PlanStatusArgs {
    #[command(flatten)]
    plan: PlanKeuze,
    /// Code van de actie, bijvoorbeeld 1A
    #[arg(long)]
    actie: String,
    /// Kwartaal, bijvoorbeeld 2023-K2
    #[arg(long)]
    kwartaal: String,
    /// op_schema | risico | achter | gereed
    #[arg(long)]
    status: String,
    /// Gerealiseerd tot nu toe, in de eenheid van de actie
    #[arg(long)]
    gerealiseerd: Option<String>,
    /// Kosten van de actie in dit kwartaal, in euro's (12500 of € 12.500,00)
    #[arg(long)]
    kosten: Option<String>,
    /// Toelichting
    #[arg(long)]
    notitie: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct PlanEvaluatieArgs {
    #[command(flatten)]
    plan: PlanKeuze,
    /// Code van de actie, bijvoorbeeld 3A
    #[arg(long)]
    actie: String,
    /// voortzetten | regulier | stoppen
    #[arg(long)]
    oordeel: String,
    /// De onderbouwing van het oordeel
    #[arg(long)]
    toelichting: String,
    /// Datum van de evaluatie (JJJJ-MM-DD), standaard vandaag
    #[arg(long)]
    datum: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct PlanRisicoArgs {
    #[command(flatten)]
    plan: PlanKeuze,
    /// Nummer van een bestaand risico om te vervangen (zonder: achteraan toevoegen)
    #[arg(long)]
    nummer: Option<u32>,
    /// Het risico
    #[arg(long)]
    risico: String,
    /// De beheersmaatregel(en)
    #[arg(long)]
    beheersmaatregel: String,
    /// Wie het risico bewaakt
    #[arg(long)]
    eigenaar: Option<String>,
    /// laag | midden | hoog
    #[arg(long)]
    kans: Option<String>,
    /// laag | midden | hoog
    #[arg(long)]
    impact: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct PlanRisicoVerwijderenArgs {
    #[command(flatten)]
    plan: PlanKeuze,
    /// Nummer van het risico
    #[arg(long)]
    nummer: u32,
    #[command(flatten)]
    db: DbArgs,
}

fn parse_opt_arg<T>(veld: &str, s: &Option<String>, f: fn(&str) -> Result<T, String>) -> Uit<Option<T>> {
    s.as_deref().map(|t| f(t).map_err(|e| Fout::Invoer(format!("--{veld}: {e}")))).transpose()
}

fn gm(s: &str) -> Uit<GemeenteCode> {
    s.parse::<GemeenteCode>().map_err(|e| Fout::Invoer(format!("--gemeente: {e}")))
}

fn db(e: buig_store::StoreError) -> Fout {
    Fout::Intern(e.to_string())
}

/// Plan errors: database trouble is 1, the user's input (no plan, unknown action) 2.
fn opslag(e: PlanOpslagFout) -> Fout {
    match e {
        PlanOpslagFout::Store(e) => Fout::Intern(e.to_string()),
        e => Fout::Invoer(e.to_string()),
    }
}

/// A rule of the plan model broken by an option's value: `--kosten: …`, exit 2.
fn optie(f: buig_plan::VeldFout) -> Fout {
    Fout::Invoer(format!("--{f}"))
}

fn niet_leeg(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

fn is_xlsx(pad: &Path, bytes: &[u8]) -> bool {
    let ext = pad.extension().and_then(|e| e.to_str()).map(str::to_lowercase);
    matches!(ext.as_deref(), Some("xlsx" | "xlsm")) || bytes.starts_with(b"PK\x03\x04")
}

/// The plan `titel` (or the only one) of a gemeente with its history.
async fn lees_planstand(store: &Store, code: GemeenteCode, titel: Option<&str>) -> Uit<(String, buig_plan::Planstand)> {
    let titel = store.kies_plan(code, titel).await.map_err(opslag)?;
    let p = store.planstand(code, &titel).await.map_err(db)?.ok_or(Fout::Invoer(format!("geen plan \"{titel}\" voor {code}")))?;
    Ok((titel, p))
}

pub(crate) fn plan(a: &PlanArgs) -> Uit<()> {
    match &a.actie {
        PlanCmd::Import(i) => import(i),
        PlanCmd::LaadVoorbeeld(d) => {
            let p = buig_plan::voorbeeld_deventer();
            let store = open_store(d)?;
            let evaluaties = buig_plan::voorbeeld_evaluaties();
            buig_store::block_on(async {
                store.bewaar_plan(&p).await.map_err(db)?;
                for e in &evaluaties {
                    store.voeg_evaluatie_toe(p.gemeente, &p.titel, e).await.map_err(opslag)?;
                }
                store.audit(None, "plan.import", Some(&p.gemeente), &format!("titel={} voorbeeld", p.titel)).await.map_err(db)
            })?;
            println!(
                "\"{}\" opgeslagen voor {}: {} acties in {} actielijnen, {} risico's, {} evaluaties (bron: {}; evaluaties uit seed 002).",
                p.titel,
                p.gemeente,
                p.acties.len(),
                p.actielijnen.len(),
                p.risicos.len(),
                evaluaties.len(),
                p.bron
            );
            Ok(())
        }
        PlanCmd::Toon(t) => {
            let code = gm(&t.plan.gemeente)?;
            let store = open_store(&t.db)?;
            let o = buig_store::block_on(async {
                let (_, p) = lees_planstand(&store, code, t.plan.titel.as_deref()).await?;
                let uitkeringen = if p.plan.nulmeting.is_some() { store.uitkeringen(code).await.map_err(db)? } else { Vec::new() };
                Ok::<_, Fout>(p.overzicht_uit(&uitkeringen))
            })?;
            if t.json {
                println!("{}", serde_json::to_string_pretty(&o).map_err(|e| Fout::Intern(e.to_string()))?);
            } else {
                print!("{}", buig_plan::render_tekst(&o));
            }
            Ok(())
        }
        PlanCmd::Actie(x) => {
            let code = gm(&x.plan.gemeente)?;
            let store = open_store(&x.db)?;
            let d = buig_store::block_on(async {
                let (titel, p) = lees_planstand(&store, code, x.plan.titel.as_deref()).await?;
                p.actie(&x.actie).ok_or_else(|| {
                    let bekend: Vec<&str> = p.plan.acties.iter().map(|a| a.code.as_str()).collect();
                    Fout::Invoer(format!("--actie: {} staat niet in \"{titel}\"; bekende acties: {}", x.actie.trim(), bekend.join(", ")))
                })
            })?;
            if x.json {
                println!("{}", serde_json::to_string_pretty(&d).map_err(|e| Fout::Intern(e.to_string()))?);
            } else {
                print!("{}", buig_plan::render_actie(&d));
            }
            Ok(())
        }
        PlanCmd::Status(s) => {
            let code = gm(&s.plan.gemeente)?;
            let kosten = s.kosten.as_deref().map(parse_amount).transpose().map_err(|e| Fout::Invoer(format!("--kosten: {e}")))?;
            let update = buig_plan::Statusupdate {
                actie: s.actie.trim().to_uppercase(),
                kwartaal: s.kwartaal.parse().map_err(|e| Fout::Invoer(format!("--kwartaal: {e}")))?,
                status: s.status.parse().map_err(|e| Fout::Invoer(format!("--status: {e}")))?,
                gerealiseerd: parse_opt_arg("gerealiseerd", &s.gerealiseerd, buig_plan::lees_getal)?,
                kosten,
                notitie: niet_leeg(&s.notitie),
            };
            update.controleer().map_err(optie)?;
            let store = open_store(&s.db)?;
            buig_store::block_on(async {
                let titel = store.kies_plan(code, s.plan.titel.as_deref()).await.map_err(opslag)?;
                store.voeg_status_toe(code, &titel, &update).await.map_err(opslag)?;
                let details = format!("titel={titel} actie={} kwartaal={} status={}", update.actie, update.kwartaal, update.status.code());
                store.audit(None, "plan.status", Some(&code), &details).await.map_err(db)?;
                println!("{} {}: {} vastgelegd in \"{titel}\".", update.actie, update.kwartaal, update.status.tekst());
                Ok(())
            })
        }
        PlanCmd::Evaluatie(e) => {
            let code = gm(&e.plan.gemeente)?;
            let ev = buig_plan::Evaluatie {
                actie: e.actie.trim().to_uppercase(),
                datum: parse_opt_arg("datum", &e.datum, buig_plan::lees_datum)?.unwrap_or_else(buig_dienst::vandaag),
                oordeel: e.oordeel.parse().map_err(|m| Fout::Invoer(format!("--oordeel: {m}")))?,
                toelichting: e.toelichting.trim().to_string(),
            };
            ev.controleer().map_err(optie)?;
            let store = open_store(&e.db)?;
            buig_store::block_on(async {
                let titel = store.kies_plan(code, e.plan.titel.as_deref()).await.map_err(opslag)?;
                store.voeg_evaluatie_toe(code, &titel, &ev).await.map_err(opslag)?;
                let details = format!("titel={titel} actie={} datum={} oordeel={}", ev.actie, ev.datum, ev.oordeel.code());
                store.audit(None, "plan.evaluatie", Some(&code), &details).await.map_err(db)?;
                println!("{} geëvalueerd op {}: {} (\"{titel}\").", ev.actie, buig_core::nl::date_long(ev.datum), ev.oordeel.tekst());
                Ok(())
            })
        }
        PlanCmd::Risico(r) => {
            let code = gm(&r.plan.gemeente)?;
            let risico = buig_plan::Risico {
                nummer: r.nummer.unwrap_or(0),
                risico: r.risico.trim().to_string(),
                beheersmaatregel: r.beheersmaatregel.trim().to_string(),
                eigenaar: niet_leeg(&r.eigenaar),
                kans: parse_opt_arg("kans", &r.kans, |s| s.parse())?,
                impact: parse_opt_arg("impact", &r.impact, |s| s.parse())?,
            };
            risico.controleer().map_err(optie)?;
            let store = open_store(&r.db)?;
            buig_store::block_on(async {
                let titel = store.kies_plan(code, r.plan.titel.as_deref()).await.map_err(opslag)?;
                let nummer = store.bewaar_risico(code, &titel, &risico).await.map_err(opslag)?;
                store.audit(None, "plan.risico", Some(&code), &format!("titel={titel} nummer={nummer}")).await.map_err(db)?;
                println!("Risico {nummer} vastgelegd in \"{titel}\".");
                Ok(())
            })
        }
        PlanCmd::RisicoVerwijderen(r) => {
            let code = gm(&r.plan.gemeente)?;
            let store = open_store(&r.db)?;
            buig_store::block_on(async {
                let titel = store.kies_plan(code, r.plan.titel.as_deref()).await.map_err(opslag)?;
                if !store.verwijder_risico(code, &titel, r.nummer).await.map_err(db)? {
                    return Err(Fout::Invoer(format!("--nummer: \"{titel}\" heeft geen risico {}", r.nummer)));
                }
                let details = format!("titel={titel} nummer={} verwijderd", r.nummer);
                store.audit(None, "plan.risico", Some(&code), &details).await.map_err(db)?;
                println!("Risico {} verwijderd uit \"{titel}\".", r.nummer);
                Ok(())
            })
        }
    }
}

fn import(i: &PlanImportArgs) -> Uit<()> {
    let kop = buig_plan::PlanKop {
        gemeente: gm(&i.gemeente)?,
        titel: i.titel.trim().to_string(),
        van: parse_opt_arg("van", &i.van, buig_plan::lees_datum)?,
        tot: parse_opt_arg("tot", &i.tot, buig_plan::lees_datum)?,
        doel_uitkeringen: i.doel_uitkeringen,
        doel_euro: i.doel_euro.as_deref().map(parse_amount).transpose().map_err(|e| Fout::Invoer(format!("--doel-euro: {e}")))?,
        nulmeting: parse_opt_arg("nulmeting", &i.nulmeting, buig_plan::lees_datum)?,
        bron: i.bestand.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default(),
        sturing: niet_leeg(&i.sturing),
    };
    if kop.titel.is_empty() {
        return Err(Fout::Invoer("--titel: leeg; geef het plan een titel".into()));
    }
    let niets = "Er is niets opgeslagen; de database is ongewijzigd.";
    let groot = std::fs::metadata(&i.bestand).map_err(|e| Fout::Invoer(format!("{}: {e}", i.bestand.display())))?.len();
    if groot > buig_plan::MAX_BESTAND as u64 {
        let mb = buig_plan::MAX_BESTAND / (1024 * 1024);
        return Err(Fout::Invoer(format!("{}: groter dan {mb} MB; een aanvalsplan is veel kleiner", i.bestand.display())));
    }
    let bytes = std::fs::read(&i.bestand).map_err(|e| Fout::Invoer(format!("{}: {e}", i.bestand.display())))?;
    let xlsx = is_xlsx(&i.bestand, &bytes);
    if !xlsx && i.blad.is_some() {
        return Err(Fout::Invoer("--blad: alleen voor XLSX-bestanden".into()));
    }
    let mut p = if xlsx { buig_plan::lees_xlsx(&bytes, i.blad.as_deref(), kop) } else { buig_plan::lees_csv(bytes.as_slice(), kop) }
        .map_err(|e| Fout::Invoer(format!("{}: {e}\n{niets}", i.bestand.display())))?;
    if let Some(r) = &i.risicos {
        let f = std::fs::File::open(r).map_err(|e| Fout::Invoer(format!("{}: {e}", r.display())))?;
        p.risicos = buig_plan::tabel_uit_csv(f)
            .and_then(|t| buig_plan::lees_risicos(&t))
            .map_err(|e| Fout::Invoer(format!("{}: {e}\n{niets}", r.display())))?;
    }
    let store = open_store(&i.db)?;
    buig_store::block_on(async {
        store.bewaar_plan(&p).await.map_err(db)?;
        let details = format!("titel={} bestand={} acties={} risicos={}", p.titel, p.bron, p.acties.len(), p.risicos.len());
        store.audit(None, "plan.import", Some(&p.gemeente), &details).await.map_err(db)
    })?;
    let risicos = if p.risicos.is_empty() { String::new() } else { format!(", {} risico's", p.risicos.len()) };
    println!(
        "{}: \"{}\" opgeslagen voor {}: {} acties in {} actielijnen{risicos}.",
        i.bestand.display(),
        p.titel,
        p.gemeente,
        p.acties.len(),
        p.actielijnen.len()
    );
    Ok(())
}
