// SPDX-License-Identifier: EUPL-1.2
//! The region: a user with roles on several gemeenten sees them side by
//! side — spending, grant, shortfall and % per year, the prognosis and the
//! vangnet position of the year, the caseload — with the regional total
//! where every gemeente's figure is known; and downloads the regional
//! overview (seed 003's model) as a document.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use buig_core::{nl, Money, Percentage, Year};
use maud::html;
use serde::Deserialize;

use crate::download;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro};
use crate::sessie::Ingelogd;
use crate::Staat;

#[derive(Debug, Default, Deserialize)]
pub struct RegioQuery {
    pub jaar: Option<String>,
    pub formaat: Option<String>,
}

/// The year asked, else the latest current year among the gemeenten, else last year.
async fn kies_jaar(staat: &Staat, ik: &Ingelogd, q: &RegioQuery) -> Result<Year, Fout> {
    if let Some(j) = q.jaar.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return j.parse().map_err(|e| Fout::Gegevens(format!("jaar: {e}")));
    }
    let mut jaar = None;
    for code in ik.gebruiker.gemeenten() {
        if let Some((j, _)) = gegevens::gemeente(staat, code).await?.huidig() {
            jaar = jaar.max(Some(j));
        }
    }
    Ok(jaar.unwrap_or_else(|| Year::new(i32::from(buig_dienst::vandaag().year()) - 1)))
}

fn pct(tekort: Option<Money>, budget: Option<Money>) -> String {
    match (tekort, budget) {
        (Some(t), Some(b)) => Percentage::ratio(t, b).map(nl::percentage).unwrap_or_else(|| "onbekend".into()),
        _ => "onbekend".into(),
    }
}

/// GET /regio?jaar=…
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Query(q): Query<RegioQuery>) -> Response {
    let r = async {
        let gemeenten = ik.gebruiker.gemeenten();
        if gemeenten.len() < 2 {
            let body = html! {
                h1 { "Regio" }
                p { "De regio zet de gemeenten waar u toegang toe heeft naast elkaar. U heeft toegang tot " (gemeenten.len()) " gemeente; vraag een beheerder om een rol op de andere gemeenten van uw regio." }
            };
            return Ok::<_, Fout>(pagina::pagina(&ik, None, "regio", "Regio", body).into_response());
        }
        let jaar = kies_jaar(&staat, &ik, &q).await?;
        let (_, v) = download::regio(&staat, &gemeenten, jaar).await?;
        let jaren: Vec<Year> = (1..=4).rev().map(|n| jaar.offset(-n)).collect();
        let totaal = |f: &dyn Fn(&buig_rapport::regio::RegioJaar) -> Option<Money>, y: Year| {
            v.gemeenten.iter().try_fold(Money::ZERO, |a, g| Some(a + f(g.jaren.iter().find(|j| j.jaar == y)?)?))
        };
        let body = html! {
            h1 { "Regio " (jaar) }
            nav aria-label="Jaren" { p { "Jaar: " @for y in [jaar.offset(-2), jaar.offset(-1), jaar, jaar.offset(1)] { a href={ "/regio?jaar=" (y) } aria-current=[(y == jaar).then_some("page")] { (y) } " " } } }
            p { (nl::opsomming(&v.gemeenten.iter().map(|g| g.naam.clone()).collect::<Vec<_>>())) " naast elkaar. Een regionaal totaal staat er alleen als de cijfers van alle gemeenten bekend zijn." }
            p { a.knop href={ "/regio/rapport?jaar=" (jaar) "&formaat=docx" } { "Regionaal overzicht " (jaar) " (DOCX)" } " "
                a.knop.tweede href={ "/regio/rapport?jaar=" (jaar) "&formaat=html" } { "Als HTML" }
                (download::andere_formaten(format!("/regio/rapport?jaar={jaar}&formaat=pdf"))) }
            h2 { "Uitgaven, budget en tekort " (jaren[0]) "–" (jaren[3]) }
            div.tabelrol tabindex="0" { table {
                caption { "Netto lasten, budget, tekort en tekort in % per gemeente en jaar" }
                thead { tr { th scope="col" { "Gemeente" } th scope="col" { "Jaar" } th.getal scope="col" { "Uitgaven" } th.getal scope="col" { "Budget" } th.getal scope="col" { "Tekort" } th.getal scope="col" { "Tekort %" } } }
                tbody {
                    @for g in &v.gemeenten { @for y in &jaren {
                        @let j = g.jaren.iter().find(|j| j.jaar == *y);
                        tr {
                            th scope="row" { (g.naam) } td { (y) }
                            td.getal { (euro(j.and_then(|j| j.uitgaven))) } td.getal { (euro(j.and_then(|j| j.budget))) }
                            td.getal { (euro(j.and_then(|j| j.tekort))) } td.getal { (pct(j.and_then(|j| j.tekort), j.and_then(|j| j.budget))) }
                        }
                    } }
                    @for y in &jaren {
                        tr {
                            th scope="row" { "Regio" } td { (y) }
                            td.getal { (euro(totaal(&|j| j.uitgaven, *y))) } td.getal { (euro(totaal(&|j| j.budget, *y))) }
                            td.getal { (euro(totaal(&|j| j.tekort, *y))) } td.getal { (pct(totaal(&|j| j.tekort, *y), totaal(&|j| j.budget, *y))) }
                        }
                    }
                }
            } }
            h2 { "Prognose en vangnet " (jaar) }
            div.tabelrol tabindex="0" { table {
                caption { "Prognose en vangnetpositie " (jaar) " per gemeente" }
                thead { tr { th scope="col" { "Gemeente" } th.getal scope="col" { "Uitgaven" } th.getal scope="col" { "Budget" } th.getal scope="col" { "Tekort" } th.getal scope="col" { "Tekort %" } th scope="col" { "Vangnet" } th scope="col" { "Bron" } } }
                tbody { @for g in &v.gemeenten {
                    tr {
                        th scope="row" { a href={ "/g/" (g.code) "/vangnet?jaar=" (jaar) } { (g.naam) } }
                        @match &g.prognose {
                            Some(p) => {
                                td.getal { (euro(Some(p.uitgaven))) } td.getal { (euro(Some(p.budget))) } td.getal { (euro(Some(p.tekort))) }
                                td.getal { (pct(Some(p.tekort), Some(p.budget))) }
                                td { (p.vangnet.as_ref().map(buig_prognose::zinnen::positie_kort).unwrap_or_else(|| "de vangnetregels dekken dit jaar niet".into())) }
                                td { (p.bron) }
                            }
                            None => { td.getal { "onbekend" } td.getal { "onbekend" } td.getal { "onbekend" } td.getal { "onbekend" } td { "onbekend" } td { "geen prognose of raming" } }
                        }
                    }
                } }
            } }
            @if v.gemeenten.iter().any(|g| g.bestand.iter().any(|(_, s)| s.is_some())) {
                h2 { "Bijstandsbestand" }
                div.tabelrol tabindex="0" { table {
                    caption { "Uitkeringen op 1 januari per gemeente" }
                    thead { tr { th scope="col" { "Gemeente" } @for (y, _) in &v.gemeenten[0].bestand { th.getal scope="col" { "1-1-" (y) } } } }
                    tbody { @for g in &v.gemeenten {
                        tr { th scope="row" { (g.naam) } @for (_, s) in &g.bestand { td.getal { (s.map(nl::aantal).unwrap_or_else(|| "onbekend".into())) } } }
                    } }
                } }
            }
        };
        Ok(pagina::pagina(&ik, None, "regio", &format!("Regio {jaar}"), body).into_response())
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// GET /regio/rapport?jaar=…&formaat=docx|html|pdf: the regional overview of the user's gemeenten.
pub async fn rapport(State(staat): State<Staat>, ik: Ingelogd, Query(q): Query<RegioQuery>) -> Response {
    let r = async {
        let gemeenten = ik.gebruiker.gemeenten();
        if gemeenten.is_empty() {
            return Err(Fout::NietGevonden);
        }
        let jaar = kies_jaar(&staat, &ik, &q).await?;
        let formaat: buig_rapport::Formaat = q.formaat.as_deref().unwrap_or("docx").parse().map_err(Fout::Gegevens)?;
        let (doc, _) = download::regio(&staat, &gemeenten, jaar).await?;
        let bytes = download::maak(doc, formaat).await?;
        Ok::<_, Fout>(download::download(bytes, formaat, &format!("regio-{jaar}")))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
