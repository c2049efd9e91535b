// SPDX-License-Identifier: EUPL-1.2
//! The import page (role bewerker): upload a CSV or XLSX file of one kind
//! for this gemeente. The same importer as `buig import`: all rows or none,
//! errors per file, row and field; every row must belong to this gemeente.
//! Each attempt goes to the audit log (the store writes it). A spells file
//! that would leave less than half of the stored spells waits for a
//! confirmation that shows the counts before and after; a beheerder can
//! undo an import (herstellen) from the history.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use buig_core::GemeenteCode;
use buig_import::Soort;
use buig_store::gebruikers::Rol;
use buig_store::import::{ImportFout, Keuze, Uitkomst, Vervanging};
use maud::{html, Markup};
use serde::Deserialize;

use crate::fout::Fout;
use crate::gegevens;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::upload::Upload;
use crate::Staat;

/// The kinds a gemeente may upload for itself (comparison series are national: CLI only).
const SOORTEN: [(Soort, &str); 4] = [
    (Soort::Uitkeringen, "Uitkeringen (één rij per uitkering)"),
    (Soort::Realisatie, "Maandrealisatie (lasten, baten, LKS)"),
    (Soort::Budget, "Budgetbeschikkingen"),
    (Soort::Inwoners, "Inwoners op 1 januari"),
];

/// Uploads up to this size (a national spells file of 5 million rows is ~400 MB; one gemeente's is far smaller).
pub const MAX_UPLOAD: usize = 256 * 1024 * 1024;

/// GET /g/{code}/import.
pub async fn formulier(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        scherm(&staat, &ik, code, None, StatusCode::OK).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

async fn scherm(staat: &Staat, ik: &Ingelogd, code: GemeenteCode, uitkomst: Option<Markup>, status: StatusCode) -> Result<Response, Fout> {
    let b = gegevens::gemeente(staat, code).await?;
    let historie: Vec<_> = staat
        .store
        .historie()
        .await?
        .into_iter()
        .filter(|h| h.gemeenten.split(',').any(|g| g.trim() == code.to_string()))
        .rev()
        .take(15)
        .collect();
    let audit = staat.store.auditlog(Some(&code), 15).await?;
    let beheerder = ik.gebruiker.rol(&code) == Some(Rol::Beheerder);
    let body = html! {
        h1 { "Gegevens importeren — " (b.naam) }
        @if let Some(u) = uitkomst { (u) }
        p { "Een CSV-bestand (komma of puntkomma, decimale komma mag) of een XLSX-bestand. Alles of niets: bij één foute rij wordt niets opgeslagen en ziet u per rij en veld wat er mis is. Elke rij moet van " (b.naam) " (" (code) ") zijn; zonder kolom gemeente gelden alle rijen voor " (code) ". Kolommen: zie docs/import.md." }
        form method="post" action={ "/g/" (code) "/import" } enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(ik.csrf);
            p { label for="soort" { "Soort gegevens" } select #soort name="soort" required { @for (s, label) in SOORTEN { option value=(s.code()) { (label) } } } }
            p { label for="bestand" { "Bestand" span.hint { "CSV of XLSX, hoogstens 256 MB" } } input #bestand type="file" name="bestand" accept=".csv,.txt,.xlsx" required; }
            p { label for="blad" { "Werkblad (alleen XLSX)" span.hint { "leeg = het eerste blad" } } input #blad type="text" name="blad"; }
            p { button type="submit" { "Importeren" } }
        }
        h2 { "Eerdere imports" }
        @if historie.is_empty() { p { "Nog geen imports voor " (code) "." } } @else {
            div.tabelrol tabindex="0" { table {
                caption { "Importgeschiedenis van " (code) }
                thead { tr { th scope="col" { "Nr" } th scope="col" { "Tijdstip (UTC)" } th scope="col" { "Soort" } th scope="col" { "Bestand" } th scope="col" { "Periode" } th.getal scope="col" { "Rijen" } th scope="col" { "Status" } @if beheerder { th scope="col" { "Herstellen" } } } }
                tbody { @for h in &historie { tr {
                    td { (h.id) } td { (h.tijdstip) } td { (h.soort) } td { (h.bestand) } td { (h.periode.as_deref().unwrap_or("")) } td.getal { (buig_core::nl::getal(h.rijen.into(), 0)) } td { (h.status) }
                    @if beheerder { td { @if h.status == "actief" && h.soort.parse::<Soort>().is_ok() {
                        form method="post" action={ "/g/" (code) "/import/herstel" } {
                            input type="hidden" name="csrf" value=(ik.csrf);
                            input type="hidden" name="import" value=(h.id);
                            button type="submit" { "Herstellen" }
                        }
                    } } }
                } } }
            } }
        }
        h2 { "Auditlog" }
        @if audit.is_empty() { p { "Nog geen wijzigingen vastgelegd." } } @else {
            div.tabelrol tabindex="0" { table {
                caption { "Laatste wijzigingen voor " (code) }
                thead { tr { th scope="col" { "Tijdstip (UTC)" } th scope="col" { "Gebruiker" } th scope="col" { "Actie" } th scope="col" { "Details" } } }
                tbody { @for a in &audit { tr { td { (a.tijd) } td { (a.gebruiker.as_deref().unwrap_or("cli")) } td { (a.actie) } td { (a.details) } } } }
            } }
        }
    };
    Ok((status, pagina::pagina(ik, Some((code, &b.naam)), "Import", &format!("Import {}", b.naam), body)).into_response())
}

/// POST /g/{code}/import.
pub async fn upload(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, multipart: Multipart) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        verwerk(&staat, &ik, code, multipart).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

async fn verwerk(staat: &Staat, ik: &Ingelogd, code: GemeenteCode, mp: Multipart) -> Result<Response, Fout> {
    let mut upload = Upload::lees(mp, &staat.instellingen.uploadmap, staat.instellingen.max_upload).await?;
    let bestand = upload.bestand.take();
    let (soort, blad) = (upload.veld("soort").to_string(), upload.veld("blad").to_string());
    ik.controleer_csrf(upload.veld("csrf"))?;
    let soort: Soort = soort.parse().map_err(Fout::Gegevens)?;
    if !SOORTEN.iter().any(|(s, _)| *s == soort) {
        return Err(Fout::Gegevens(format!(
            "soort {} kan niet per gemeente worden geïmporteerd; een beheerder importeert die voor alle gemeenten tegelijk",
            soort.code()
        )));
    }
    let Some(bestand) = bestand.filter(|b| b.grootte > 0) else {
        let m = html! { p.melding.fout role="alert" { "Kies een bestand om te importeren (het gekozen bestand is leeg)." } };
        return scherm(staat, ik, code, Some(m), StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // The importer reads a path: the upload waits in its own private directory under its own name,
    // so the importer's messages name the user's file; the directory goes with `bestand`.
    let naam = bestand.naam.clone();
    let opts =
        buig_import::Options { gemeente: Some(code), blad: Some(blad.trim().to_string()).filter(|b| !b.is_empty()), ..Default::default() };
    let keuze = Keuze { gebruiker: Some(ik.gebruiker.naam.clone()), bewaar_voor_bevestiging: true, ..Keuze::default() };
    let uitkomst = staat.store.importeer_met(bestand.pad(), soort, &opts, &keuze, &mut |_| {}).await;
    let prefix = format!("{}{}", bestand.map().display(), std::path::MAIN_SEPARATOR);
    drop(bestand);
    let (melding, status) = match uitkomst {
        Ok(r) => (opgeslagen(&naam, soort, &r), StatusCode::OK),
        Err(ImportFout::MeerDanDeHelftWeg { gemeenten, import: Some(id), .. }) => {
            (bevestigen(ik, code, id, &naam, &gemeenten), StatusCode::OK)
        }
        Err(e) => (niets_opgeslagen(&e.to_string().replace(&prefix, "")), StatusCode::UNPROCESSABLE_ENTITY),
    };
    scherm(staat, ik, code, Some(melding), status).await
}

/// The message of a stored (or unchanged) import.
fn opgeslagen(naam: &str, soort: Soort, r: &buig_store::import::ImportResultaat) -> Markup {
    let wat = match &r.uitkomst {
        Uitkomst::Opgeslagen { vervangt } if vervangt.is_empty() => "opgeslagen".to_string(),
        Uitkomst::Opgeslagen { vervangt } => {
            format!("opgeslagen; vervangt import {}", vervangt.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", "))
        }
        Uitkomst::Ongewijzigd { eerder } => format!("ongewijzigd: dit bestand is al geïmporteerd (import {eerder})"),
    };
    html! { p.melding.goed role="status" { "Import " (r.id) " van " (naam) ": " (buig_core::nl::getal(r.rijen.into(), 0)) " rijen " (soort.code()) @if let Some(p) = &r.periode { " (" (p) ")" } ", " (wat) "." } }
}

/// Why nothing was stored, a line per row error.
fn niets_opgeslagen(tekst: &str) -> Markup {
    let regels: Vec<&str> = tekst.lines().collect();
    html! {
        div.melding.fout role="alert" {
            p { strong { "Niets opgeslagen." } " De gegevens zijn ongewijzigd." }
            @if regels.len() > 1 { ul { @for r in &regels { li { (r) } } } } @else { p { (tekst) } }
        }
    }
}

/// The confirmation step: the counts before and after, and the choice.
fn bevestigen(ik: &Ingelogd, code: GemeenteCode, id: i64, naam: &str, gemeenten: &[Vervanging]) -> Markup {
    let n = |x: u64| buig_core::nl::getal(x.into(), 0);
    html! {
        div.melding.fout role="alert" {
            p { strong { "Nog niets opgeslagen: bevestig eerst." } " " (naam) " zou meer dan de helft van de opgeslagen uitkeringen weghalen. Is dat de bedoeling, bijvoorbeeld na een herindeling of een nieuw uitkeringssysteem? Anders is het bestand waarschijnlijk niet volledig." }
            table {
                caption { "Uitkeringen nu en na deze import" }
                thead { tr { th scope="col" { "Gemeente" } th.getal scope="col" { "Nu opgeslagen" } th.getal scope="col" { "Na deze import" } } }
                tbody { @for v in gemeenten { tr { td { (v.gemeente) } td.getal { (n(v.voor)) } td.getal { (n(v.na)) } } } }
            }
            form method="post" action={ "/g/" (code) "/import/bevestig" } {
                input type="hidden" name="csrf" value=(ik.csrf);
                input type="hidden" name="import" value=(id);
                p {
                    button type="submit" name="antwoord" value="vervangen" { "Ja, vervangen" }
                    " "
                    button type="submit" name="antwoord" value="annuleren" { "Nee, niets wijzigen" }
                }
            }
            p.klein { "Wat een import vervangt, blijft bewaard: een beheerder kan het herstellen." }
        }
    }
}

#[derive(Deserialize)]
pub struct ImportKeuze {
    csrf: String,
    import: i64,
    #[serde(default)]
    antwoord: String,
}

/// POST /g/{code}/import/bevestig: the answer to the confirmation step.
pub async fn bevestig(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Form(f): Form<ImportKeuze>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let wie = Some(ik.gebruiker.naam.as_str());
        let (melding, status) = match f.antwoord.as_str() {
            "vervangen" => match staat.store.bevestig_import(f.import, code, wie).await {
                Ok(r) => (opgeslagen(r.bestand.rsplit(['/', '\\']).next().unwrap_or(""), Soort::Uitkeringen, &r), StatusCode::OK),
                Err(e) => (niets_opgeslagen(&e.to_string()), StatusCode::UNPROCESSABLE_ENTITY),
            },
            _ => match staat.store.annuleer_import(f.import, code, wie).await {
                Ok(()) => (html! { p.melding.goed role="status" { "Niets gewijzigd: de import is niet uitgevoerd." } }, StatusCode::OK),
                Err(e) => (niets_opgeslagen(&e.to_string()), StatusCode::UNPROCESSABLE_ENTITY),
            },
        };
        scherm(&staat, &ik, code, Some(melding), status).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// POST /g/{code}/import/herstel (role beheerder): undoes an import for this gemeente.
pub async fn herstel(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Form(f): Form<ImportKeuze>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        if ik.gebruiker.rol(&code) != Some(Rol::Beheerder) {
            return Err(Fout::GeenRecht(format!(
                "Een import herstellen vraagt de rol beheerder voor {code}. Vraag een beheerder van uw gemeente."
            )));
        }
        ik.controleer_csrf(&f.csrf)?;
        let (melding, status) = match staat.store.herstel(f.import, Some(code), Some(&ik.gebruiker.naam), &mut |_| {}).await {
            Ok(h) => (
                html! { p.melding.goed role="status" { "Import " (h.import) " is hersteld voor " (code) ": " (buig_core::nl::getal(h.weg.into(), 0)) " rijen van die import weggehaald, " (buig_core::nl::getal(h.terug.into(), 0)) " rijen van daarvoor teruggezet." } },
                StatusCode::OK,
            ),
            Err(e) => (html! { div.melding.fout role="alert" { p { strong { "Niet hersteld." } " " (e) "; er is niets gewijzigd." } } }, StatusCode::UNPROCESSABLE_ENTITY),
        };
        scherm(&staat, &ik, code, Some(melding), status).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
