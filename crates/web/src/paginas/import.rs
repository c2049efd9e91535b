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
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Form;
use buig_core::{nl, GemeenteCode};
use buig_import::{sjabloon, Soort};
use buig_store::gebruikers::{actie_in_woorden, Rol};
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
const SOORTEN: [Soort; 4] = [Soort::Uitkeringen, Soort::Realisatie, Soort::Budget, Soort::Inwoners];

/// Uploads up to this size (a national spells file of 5 million rows is ~400 MB; one gemeente's is far smaller).
pub const MAX_UPLOAD: usize = 256 * 1024 * 1024;

/// GET /g/{code}/import.
pub async fn formulier(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        scherm(&staat, &ik, code, None, None, StatusCode::OK).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// The page; `gekozen` is the kind and sheet sent last, chosen again.
async fn scherm(
    staat: &Staat,
    ik: &Ingelogd,
    code: GemeenteCode,
    uitkomst: Option<Markup>,
    gekozen: Option<(Soort, &str)>,
    status: StatusCode,
) -> Result<Response, Fout> {
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
        p { "Een CSV-bestand (komma of puntkomma, decimale komma mag) of een XLSX-bestand. Alles of niets: bij één foute rij wordt niets opgeslagen en ziet u per rij en veld wat er mis is. Elke rij moet van " (b.naam) " (" (code) ") zijn; zonder kolom gemeente gelden alle rijen voor " (code) ". Per soort hieronder de kolommen en een sjabloon om in te vullen." }
        form method="post" action={ "/g/" (code) "/import" } enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(ik.csrf);
            p { label for="soort" { "Soort gegevens" } select #soort name="soort" required { @for s in SOORTEN { option value=(s.code()) selected[gekozen.is_some_and(|(g, _)| g == s)] { (sjabloon::omschrijving(s)) } } } }
            p { label for="bestand" { "Bestand" span.hint { "CSV of XLSX, hoogstens 256 MB" } } input #bestand type="file" name="bestand" accept=".csv,.txt,.xlsx" required; }
            p { label for="blad" { "Werkblad (alleen XLSX)" span.hint { "leeg = het eerste blad" } } input #blad type="text" name="blad" value=[gekozen.map(|(_, b)| b).filter(|b| !b.is_empty())]; }
            p { button type="submit" { "Importeren" } }
        }
        h2 #kolommen { "Kolommen en sjablonen" }
        p { "Een sjabloon heeft de kolomnamen en één voorbeeldrij; het Excel-sjabloon legt op het tweede blad elke kolom uit. Kolomnamen mogen met hoofdletters en spaties; de volgorde maakt niet uit. Een datum schrijft u als dd-mm-jjjj, een bedrag in euro's met een decimale komma." }
        @for s in SOORTEN { (kolomlijst(code, s)) }
        h2 { "Eerdere imports" }
        @if historie.is_empty() { p { "Nog geen imports voor " (code) "." } } @else {
            div.tabelrol tabindex="0" { table {
                caption { "Importgeschiedenis van " (code) }
                thead { tr { th scope="col" { "Nr" } th scope="col" { "Tijdstip" } th scope="col" { "Soort" } th scope="col" { "Bestand" } th scope="col" { "Periode" } th.getal scope="col" { "Rijen" } th scope="col" { "Status" } @if beheerder { th scope="col" { "Herstellen" } } } }
                tbody { @for h in &historie { tr {
                    td { (h.id) } td { (nl::tijdstip(&h.tijdstip)) } td { (soort_tekst(&h.soort)) } td { (bestandsnaam(&h.bestand)) } td { (h.periode.as_deref().unwrap_or("")) } td.getal { (buig_core::nl::getal(h.rijen.into(), 0)) } td { (h.status) }
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
                thead { tr { th scope="col" { "Tijdstip" } th scope="col" { "Gebruiker" } th scope="col" { "Actie" } th scope="col" { "Details" } } }
                tbody { @for a in &audit { tr { td { (nl::tijdstip(&a.tijd)) } td { (a.gebruiker.as_deref().unwrap_or("opdrachtregel")) } td { (actie_in_woorden(&a.actie)) } td { (a.details) } } } }
            } }
        }
    };
    Ok((status, pagina::pagina(ik, Some((code, &b.naam)), "Import", &format!("Import {}", b.naam), body)).into_response())
}

/// The file name without the directories it was read from (an upload's private folder, a path on
/// the command line); a description such as a demo part's is shown as it is.
fn bestandsnaam(pad: &str) -> &str {
    let pad_achtig = pad.starts_with(['/', '.', '\\']) || pad.get(1..3) == Some(":\\") || !pad.contains(' ');
    if pad_achtig {
        pad.rsplit(['/', '\\']).next().unwrap_or(pad)
    } else {
        pad
    }
}

#[cfg(test)]
mod tests {
    use super::bestandsnaam;

    #[test]
    fn the_history_shows_a_file_name_never_a_folder() {
        assert_eq!(bestandsnaam("/tmp/buig-upload-12-ab/mijn bestand.csv"), "mijn bestand.csv");
        assert_eq!(bestandsnaam("data/uitkeringen.csv"), "uitkeringen.csv");
        assert_eq!(bestandsnaam("C:\\Users\\anna\\budget.xlsx"), "budget.xlsx");
        assert_eq!(bestandsnaam("demo: Voorbeeldstad (uitkeringen)"), "demo: Voorbeeldstad (uitkeringen)");
        assert_eq!(bestandsnaam("demo: budgetten uit de brondocumenten"), "demo: budgetten uit de brondocumenten");
    }
}

/// A kind of file in words, for the history (an unknown code as it is).
fn soort_tekst(code: &str) -> String {
    code.parse::<Soort>().map_or_else(|_| code.to_string(), |s| sjabloon::omschrijving(s).to_string())
}

/// The columns of one kind, from the one description the templates are made of, with the two templates.
fn kolomlijst(code: GemeenteCode, soort: Soort) -> Markup {
    let naam = sjabloon::omschrijving(soort);
    html! {
        details.kolommen {
            summary { (naam) }
            p {
                a.knop.tweede href={ "/g/" (code) "/import/sjabloon/" (soort.code()) ".xlsx" } { "Sjabloon in Excel" } " "
                a.knop.tweede href={ "/g/" (code) "/import/sjabloon/" (soort.code()) ".csv" } { "Sjabloon als CSV" }
            }
            div.tabelrol tabindex="0" { table {
                caption { "Kolommen van " (nl::kleine_letter(naam)) }
                thead { tr { th scope="col" { "Kolom" } th scope="col" { "Betekenis" } th scope="col" { "Formaat" } th scope="col" { "Verplicht" } th scope="col" { "Voorbeeld" } } }
                tbody { @for k in sjabloon::kolommen(soort) { tr {
                    td { strong { (k.naam) } @if !k.ook.is_empty() { br; small { "ook: " (k.ook.join(", ")) } } }
                    td { (k.betekenis) }
                    td { (k.formaat) @if let Some(w) = k.waarden { br; small { "toegestaan: " (w) } } }
                    td { (k.verplicht.tekst()) }
                    td { (k.voorbeeld.tekst(code)) }
                } } }
            } }
        }
    }
}

/// GET /g/{code}/import/sjabloon/{soort}.csv|.xlsx: the template of a kind, with this gemeente in its example row.
pub async fn sjabloon(ik: Ingelogd, Path((code, bestand)): Path<(String, String)>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        let niet = || Fout::NietGevonden;
        let (soort, ext) = bestand.rsplit_once('.').ok_or_else(niet)?;
        let soort: Soort = soort.parse().map_err(|_| niet())?;
        let (bytes, type_) = match ext {
            "csv" => (sjabloon::sjabloon_csv(soort, code), "text/csv; charset=utf-8"),
            "xlsx" => {
                (sjabloon::sjabloon_xlsx(soort, code).map_err(|e| Fout::Intern(format!("sjabloon {soort}: {e}")))?, crate::download::XLSX)
            }
            _ => return Err(niet()),
        };
        let mut res = bytes.into_response();
        let h = res.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(type_));
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"sjabloon-{}.{ext}\"", soort.code())) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
        Ok::<_, Fout>(res)
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
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
    if !SOORTEN.contains(&soort) {
        return Err(Fout::Gegevens(format!(
            "soort {} kan niet per gemeente worden geïmporteerd; een beheerder importeert die voor alle gemeenten tegelijk",
            soort.code()
        )));
    }
    let Some(bestand) = bestand.filter(|b| b.grootte > 0) else {
        let m = html! { p.melding.fout role="alert" { "Kies een bestand om te importeren (het gekozen bestand is leeg)." } };
        return scherm(staat, ik, code, Some(m), Some((soort, &blad)), StatusCode::UNPROCESSABLE_ENTITY).await;
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
    scherm(staat, ik, code, Some(melding), Some((soort, &blad)), status).await
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
                Ok(r) => (opgeslagen(bestandsnaam(&r.bestand), Soort::Uitkeringen, &r), StatusCode::OK),
                Err(e) => (niets_opgeslagen(&e.to_string()), StatusCode::UNPROCESSABLE_ENTITY),
            },
            _ => match staat.store.annuleer_import(f.import, code, wie).await {
                Ok(()) => (html! { p.melding.goed role="status" { "Niets gewijzigd: de import is niet uitgevoerd." } }, StatusCode::OK),
                Err(e) => (niets_opgeslagen(&e.to_string()), StatusCode::UNPROCESSABLE_ENTITY),
            },
        };
        scherm(&staat, &ik, code, Some(melding), None, status).await
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
        scherm(&staat, &ik, code, Some(melding), None, status).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
