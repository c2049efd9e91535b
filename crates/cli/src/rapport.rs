// SPDX-License-Identifier: EUPL-1.2
//! `buig rapport`: the council documents as DOCX, HTML or PDF, from the
//! service layer's input like the web app's downloads.

use std::path::PathBuf;

use buig_core::nl;
use buig_dienst::document::monitor::{kwartaal_vraag, monitor_invoer, MonitorVraag};
use buig_dienst::document::notitie::{notitie_invoer, oorzaken_vraag, NotitieVraag};
use buig_dienst::document::raadsmededeling::{raadsmededeling_invoer, RaadsmededelingVraag};
use buig_dienst::prognose::MonteCarlo;
use buig_rapport::{DocumentSoort, Formaat};
use clap::Args;

use crate::fout::{self, Fout, Uit};
use crate::gedeeld::{gemeente_code, open_store, verleend_jaren, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig rapport notitie-vangnet --gemeente GM0150 --jaar 2023 --formaat docx -o notitie.docx\n  buig rapport notitie-vangnet --gemeente GM0150 --jaar 2023 --peildatum 2024-05-31 --formaat html -o notitie.html --verleend geen\n  buig rapport raadsmededeling --gemeente GM9999 --jaar 2026 --formaat docx -o raadsmededeling.docx\n  buig rapport monitor --gemeente GM9999 --jaar 2026 --peildatum 2026-09-30 --formaat html -o monitor.html\n  buig rapport regio --gemeenten GM0005,GM1663,GM0053,GM1651 --jaar 2018 --formaat docx -o regio.docx\n\nInhoud en bronnen van de cijfers: zie docs/rapport.md."
)]
pub(crate) struct RapportArgs {
    /// Soort document: notitie-vangnet, raadsmededeling (budget), monitor (kwartaalmonitor) of regio (regionaal overzicht)
    soort: String,
    /// CBS-code van de gemeente, bijvoorbeeld GM0150 (niet bij regio)
    #[arg(long, required_unless_present = "gemeenten")]
    gemeente: Option<String>,
    /// Regio: de CBS-codes van de gemeenten, met komma's, bijvoorbeeld GM0005,GM1663,GM0053,GM1651
    #[arg(long, value_delimiter = ',', conflicts_with = "gemeente")]
    gemeenten: Vec<String>,
    /// Het jaar: van de vangnetaanvraag (notitie), van budget en verwacht resultaat (raadsmededeling) of van de monitor
    #[arg(long)]
    jaar: String,
    /// Peildatum (JJJJ-MM-DD): alleen beschikkingen en maanden die op die dag bekend waren; ook de datum op het document.
    /// Raadsmededeling en monitor: standaard het einde van de laatste maand met realisatie
    #[arg(long)]
    peildatum: Option<String>,
    /// docx | html | pdf (pdf alleen waar LibreOffice is geïnstalleerd)
    #[arg(long)]
    formaat: String,
    /// Uitvoerbestand
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    uitvoer: PathBuf,
    /// Jaar waarover een vangnetuitkering is verleend (herhaalbaar); `--verleend geen` als er geen was
    #[arg(long, value_name = "JAAR")]
    verleend: Vec<String>,
    #[command(flatten)]
    db: DbArgs,
}

pub(crate) fn rapport(a: &RapportArgs) -> Uit<()> {
    let soort: DocumentSoort = a.soort.parse().map_err(|e: String| Fout::Invoer(format!("rapport {}: {e}", a.soort)))?;
    let jaar: buig_core::Year = a.jaar.parse().map_err(|e| Fout::Invoer(format!("--jaar: {e}")))?;
    let formaat: Formaat = a.formaat.parse().map_err(|e| Fout::Invoer(format!("--formaat: {e}")))?;
    if soort == DocumentSoort::Regio {
        return regio(a, jaar, formaat);
    }
    let Some(gemeente) = &a.gemeente else {
        return Err(Fout::Invoer(format!("rapport {soort}: geef --gemeente (--gemeenten is alleen voor regio)")));
    };
    let code = gemeente_code("--gemeente", gemeente)?;
    let peildatum =
        a.peildatum.as_deref().map(buig_prognose::lees_peildatum).transpose().map_err(|e| Fout::Invoer(format!("--peildatum: {e}")))?;
    let verleend = verleend_jaren(&a.verleend)?;
    let store = open_store(&a.db)?;
    let mc = MonteCarlo::default();
    let (document, samenvatting) = buig_store::block_on(async {
        let g = buig_dienst::gemeente::laad(&store, code, verleend).await.map_err(fout::dienst(code))?;
        match soort {
            DocumentSoort::NotitieVangnet => {
                let vraag = NotitieVraag { jaar, peildatum, datum: peildatum.unwrap_or_else(buig_dienst::vandaag) };
                let plan = buig_dienst::plan::plan_voor_vangnetjaar(&store, &g, jaar, peildatum).await.map_err(fout::dienst(code))?;
                // Causes against Nederland: every gemeente's quarters, in one streaming pass.
                let landelijk = buig_dienst::landelijk::landelijk(&store, oorzaken_vraag(jaar, peildatum).map_err(fout::dienst(code))?)
                    .await
                    .map_err(fout::dienst(code))?;
                let invoer = notitie_invoer(&g, plan, Some(&landelijk), &vraag, &std::collections::BTreeSet::from([code]))
                    .map_err(fout::dienst(code))?;
                let r = invoer.r();
                let uitkering = match (r.recht, r.vangnetuitkering) {
                    (Some(true), Some(x)) => nl::money(x),
                    (Some(false), _) => "geen recht".to_string(),
                    _ => format!("onbekend (indien voorwaarde b vervuld: {})", nl::money(r.vangnetuitkering_indien_recht)),
                };
                let doc = buig_rapport::notitie(&invoer).met_briefhoofd(g.briefhoofd.as_ref());
                let tekst = format!("{} — vangnetuitkering {uitkering}", doc.titel);
                Ok::<_, Fout>((doc, tekst))
            }
            DocumentSoort::Regio => unreachable!("regio is handled above"),
            DocumentSoort::Raadsmededeling | DocumentSoort::Monitor => {
                // The peildatum defaults to the end of the last month with realisation.
                let peil = peildatum.or_else(|| g.gegevens.laatste_realisatiedag()).unwrap_or_else(buig_dienst::vandaag);
                let datum = if peildatum.is_some() { peil } else { buig_dienst::vandaag() };
                let doc = if soort == DocumentSoort::Raadsmededeling {
                    let plan = buig_dienst::plan::plan(&store, &g, None, Some(peil)).await.map_err(fout::dienst(code))?;
                    let vraag = RaadsmededelingVraag { jaar, peildatum: peil, datum };
                    buig_rapport::raadsmededeling(&raadsmededeling_invoer(&g, plan, &vraag, mc).map_err(fout::dienst(code))?)
                } else {
                    let vraag = MonitorVraag { jaar, peildatum: peil, datum };
                    // Every gemeente's quarters in one streaming pass, for the size class and the Netherlands.
                    let bv = kwartaal_vraag(&vraag).map_err(fout::dienst(code))?.2;
                    let landelijk = buig_dienst::landelijk::landelijk(&store, bv).await.map_err(fout::dienst(code))?;
                    buig_rapport::kwartaalmonitor(
                        &monitor_invoer(&g, Some(&landelijk), &vraag, mc, &std::collections::BTreeSet::from([code]))
                            .map_err(fout::dienst(code))?,
                    )
                };
                let tekst = format!("{} (peildatum {})", doc.titel, nl::date_long(peil));
                Ok((doc.met_briefhoofd(g.briefhoofd.as_ref()), tekst))
            }
        }
    })?;
    let bytes = buig_rapport::render(&document, formaat).map_err(|e| Fout::Intern(e.to_string()))?;
    std::fs::write(&a.uitvoer, &bytes).map_err(|e| Fout::Intern(format!("{}: kan niet schrijven: {e}", a.uitvoer.display())))?;
    println!("{}: {samenvatting}", a.uitvoer.display());
    Ok(())
}

/// `buig rapport regio --gemeenten …`: the regional overview of several gemeenten (seed 003).
fn regio(a: &RapportArgs, jaar: buig_core::Year, formaat: Formaat) -> Uit<()> {
    if a.gemeenten.is_empty() {
        return Err(Fout::Invoer("rapport regio: geef de gemeenten met --gemeenten, bijvoorbeeld --gemeenten GM0005,GM1663".into()));
    }
    let codes = a.gemeenten.iter().map(|c| gemeente_code("--gemeenten", c.trim())).collect::<Uit<Vec<_>>>()?;
    let verleend = verleend_jaren(&a.verleend)?;
    let store = open_store(&a.db)?;
    let gemeenten = buig_store::block_on(async {
        let mut uit = Vec::new();
        for code in &codes {
            uit.push(buig_dienst::gemeente::laad(&store, *code, verleend.clone()).await.map_err(fout::dienst(*code))?);
        }
        Ok::<_, Fout>(uit)
    })?;
    let datum = a
        .peildatum
        .as_deref()
        .map(buig_prognose::lees_peildatum)
        .transpose()
        .map_err(|e| Fout::Invoer(format!("--peildatum: {e}")))?
        .unwrap_or_else(buig_dienst::vandaag);
    let vraag = buig_dienst::document::regio::RegioVraag { jaar, datum };
    let invoer = buig_dienst::document::regio::regio_invoer(&gemeenten, &vraag, MonteCarlo::default());
    let document = buig_rapport::regio(&invoer);
    let bytes = buig_rapport::render(&document, formaat).map_err(|e| Fout::Intern(e.to_string()))?;
    std::fs::write(&a.uitvoer, &bytes).map_err(|e| Fout::Intern(format!("{}: kan niet schrijven: {e}", a.uitvoer.display())))?;
    println!("{}: {}", a.uitvoer.display(), document.titel);
    Ok(())
}
