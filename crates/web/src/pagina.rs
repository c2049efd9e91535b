// SPDX-License-Identifier: EUPL-1.2
//! The frame of every page (header, navigation per gemeente, footer), the
//! error pages, the stylesheet, and small Dutch display helpers. Templates
//! are maud: compiled in, every value escaped.

use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use buig_core::{nl, GemeenteCode, Money};
use buig_grafiek::Grafiek;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

use crate::fout::{meld_intern, Fout};
use crate::sessie::{codeer, Afwijzing, Ingelogd};

const CSS: &str = include_str!("../static/app.css");

/// GET /static/app.css (cached for a day; the CSP allows only this stylesheet).
pub async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=86400")], CSS).into_response()
}

fn kop(titel: &str) -> Markup {
    html! {
        meta charset="utf-8";
        meta name="viewport" content="width=device-width, initial-scale=1";
        title { (titel) " — BUIG-monitor" }
        link rel="stylesheet" href="/static/app.css";
    }
}

/// The page as served: control characters from files (an escape sequence
/// in an imported cell, a carriage return in a plan's text) are shown as
/// their pictures, never sent raw (`nl::zichtbaar`); maud escaped the rest.
fn als_pagina(Html(html): Html<String>) -> Html<String> {
    Html(match nl::zichtbaar(&html) {
        std::borrow::Cow::Borrowed(_) => html,
        std::borrow::Cow::Owned(zichtbaar) => zichtbaar,
    })
}

/// A page without navigation (login, errors before login).
pub fn kaal(titel: &str, body: Markup) -> Html<String> {
    let pagina = Html(
        html! {
            (DOCTYPE)
            html lang="nl" {
                head { (kop(titel)) }
                body.kaal {
                    header.balk { a.merk href="/" { "BUIG-monitor" } }
                    main #inhoud {
                        // A page with tables links to them in Excel (see `excel`).
                        @if body.0.contains("<table") { @if let Some(l) = crate::excel::link() { (l) } }
                        (body)
                    }
                }
            }
        }
        .into_string(),
    );
    als_pagina(pagina)
}

/// The pages of one gemeente, in the order of the navigation: (path suffix, label).
pub const PAGINAS: [(&str, &str); 10] = [
    ("", "Overzicht"),
    ("/budget", "Budget"),
    ("/prognose", "Prognose"),
    ("/raming", "Raming"),
    ("/bestand", "Bestand"),
    ("/vangnet", "Vangnet"),
    ("/plan", "Aanvalsplan"),
    ("/agenda", "Agenda"),
    ("/gegevens", "Gegevens"),
    ("/import", "Import"),
];

/// A page of a gemeente (or, with `gemeente` None, a page across gemeenten).
pub fn pagina(ik: &Ingelogd, gemeente: Option<(GemeenteCode, &str)>, actief: &str, titel: &str, body: Markup) -> Html<String> {
    let gemeenten = ik.gebruiker.gemeenten();
    let pagina = Html(
        html! {
            (DOCTYPE)
            html lang="nl" {
                head { (kop(titel)) }
                body {
                    a.overslaan href="#inhoud" { "Naar de inhoud" }
                    header.balk {
                        a.merk href="/" { "BUIG-monitor" }
                        @if let Some((code, naam)) = gemeente { span.gemeente { (naam) " " span.code { (code) } } }
                        nav.account aria-label="Account" {
                            @if gemeenten.len() > 1 {
                                a href="/" { "Gemeente kiezen" }
                                a href="/regio" aria-current=[(actief == "regio").then_some("page")] { "Regio" }
                            }
                            a href="/vergelijking" aria-current=[(actief == "vergelijking").then_some("page")] { "Vergelijking" }
                            span.wie { (ik.gebruiker.naam) }
                            form.uitloggen method="post" action="/uitloggen" {
                                input type="hidden" name="csrf" value=(ik.csrf);
                                button.link type="submit" { "Uitloggen" }
                            }
                        }
                    }
                    @if let Some((code, _)) = gemeente {
                        nav.hoofd aria-label="Onderdelen" {
                            ul {
                                @for (pad, label) in PAGINAS {
                                    @if pad != "/import" || ik.gebruiker.mag_bewerken(&code) {
                                        li { a href={ "/g/" (code) (pad) } aria-current=[(actief == label).then_some("page")] { (label) } }
                                    }
                                }
                            }
                        }
                    }
                    main #inhoud {
                        // A page with tables links to them in Excel (see `excel`).
                        @if body.0.contains("<table") { @if let Some(l) = crate::excel::link() { (l) } }
                        (body)
                    }
                    footer { "BUIG-monitor — cijfers uit de eigen administratie, berekend met de regels van de Participatiewet en het Besluit Participatiewet." }
                }
            }
        }
        .into_string()
        // An amount never breaks after its euro sign.
        .replace("€ ", "€\u{a0}"),
    );
    als_pagina(pagina)
}

/// An error as a page: 404 for anything not found or not allowed to be seen,
/// 403 for not allowed to change, 422 for missing data, 500 with an id.
pub fn fout_response(ik: Option<&Ingelogd>, fout: Fout) -> Response {
    let (status, titel, tekst) = match fout {
        Fout::NietGevonden => (
            StatusCode::NOT_FOUND,
            "Niet gevonden",
            "Deze pagina bestaat niet, of u heeft geen toegang tot de gegevens van deze gemeente.".to_string(),
        ),
        Fout::GeenRecht(m) => (StatusCode::FORBIDDEN, "Niet toegestaan", m),
        Fout::Gegevens(m) => (StatusCode::UNPROCESSABLE_ENTITY, "Gegevens ontbreken", m),
        Fout::TeGroot(m) => (StatusCode::PAYLOAD_TOO_LARGE, "Bestand te groot", m),
        Fout::Intern(oorzaak) => {
            let id = meld_intern(&oorzaak);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Er ging iets mis",
                format!("Er ging aan onze kant iets mis. Noem het kenmerk als u dit meldt. Kenmerk van deze fout: {id}"),
            )
        }
    };
    let body = html! { h1 { (titel) } p.melding.fout role="alert" { (tekst) } p { a href="/" { "Naar de startpagina" } } };
    let page = match ik {
        Some(ik) => pagina(ik, None, "", titel, body),
        None => kaal(titel, body),
    };
    (status, page).into_response()
}

/// An error on a page of gemeente `code`: missing data or a change not
/// allowed keep the gemeente's navigation and point to its data status; not
/// found (or not the user's gemeente) is the plain error page.
pub async fn fout_in_gemeente(staat: &crate::Staat, ik: &Ingelogd, code: &str, actief: &str, fout: Fout) -> Response {
    let gm = match (&fout, ik.gemeente(code, crate::sessie::Recht::Lezen)) {
        (Fout::Gegevens(_) | Fout::GeenRecht(_), Ok(gm)) => gm,
        _ => return fout_response(Some(ik), fout),
    };
    let naam = staat.store.gemeente(gm).await.ok().flatten().map(|g| g.naam).unwrap_or_else(|| gm.to_string());
    let (status, titel, tekst) = match fout {
        Fout::GeenRecht(m) => (StatusCode::FORBIDDEN, "Niet toegestaan", m),
        Fout::Gegevens(m) => (StatusCode::UNPROCESSABLE_ENTITY, "Gegevens ontbreken", m),
        _ => unreachable!("matched above"),
    };
    let body = html! {
        h1 { (titel) }
        p.melding.fout role="alert" { (tekst) }
        @if status == StatusCode::UNPROCESSABLE_ENTITY {
            p { "Wat er van " (naam) " in de BUIG-monitor staat en wat ontbreekt: " a href={ "/g/" (gm) "/gegevens" } { "Gegevens" } "." }
        }
    };
    (status, pagina(ik, Some((gm, &naam)), actief, titel, body)).into_response()
}

/// A page request that is not let through: to the login page (and back after), or the fault as a page.
impl IntoResponse for Afwijzing {
    fn into_response(self) -> Response {
        match self {
            Afwijzing::Inloggen { terug } => axum::response::Redirect::to(&format!("/inloggen?terug={}", codeer(&terug))).into_response(),
            Afwijzing::Fout(f) => fout_response(None, f),
        }
    }
}

/// The fallback route.
pub async fn niet_gevonden() -> Response {
    fout_response(None, Fout::NietGevonden)
}

/// A chart with its data as a table behind it (for screen readers and for copying).
pub fn grafiek(g: &Grafiek) -> Markup {
    // As wide as the text column, so the labels keep their size.
    let g = &Grafiek { breedte: 1000, ..g.clone() };
    let t = g.tabel();
    html! {
        figure.grafiek {
            // On a phone the chart keeps a legible width and scrolls inside its own box.
            div.grafiekrol tabindex="0" role="group" aria-label={ "Grafiek: " (g.titel) } { (PreEscaped(g.svg())) }
            details {
                summary { "Tabel bij “" (g.titel) "”" }
                div.tabelrol tabindex="0" {
                    table {
                        caption { (g.titel) }
                        thead { tr { @for (i, k) in t.kop.iter().enumerate() { @if i == 0 { th scope="col" { (k) } } @else { th.getal scope="col" { (k) } } } } }
                        tbody {
                            @for rij in &t.rijen {
                                tr { @for (i, c) in rij.iter().enumerate() { @if i == 0 { th scope="row" { (c) } } @else { td.getal { (c) } } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Whole euros, Dutch: `€ 41.984.531`; "–" when unknown.
pub fn euro(m: Option<Money>) -> String {
    m.map(nl::money).unwrap_or_else(|| "–".into())
}

/// Millions with one decimal: `€ 6,9 mln`.
pub fn mln(m: Money) -> String {
    format!("€ {} mln", nl::getal(m.to_decimal() / Decimal::from(1_000_000), 1))
}

/// A percentage with 2 decimals: `8,21%`; "–" when unknown.
pub fn pct(p: Option<buig_core::Percentage>) -> String {
    p.map(nl::percentage).unwrap_or_else(|| "–".into())
}

/// A display number with `dp` decimals: `31,25`.
pub fn getal(x: f64, dp: u32) -> String {
    nl::getal(Decimal::from_f64(x).unwrap_or_default(), dp)
}

/// Euros as a chart value (display only).
pub fn f(m: Money) -> f64 {
    m.cents() as f64 / 100.0
}

/// A value for a query string: unreserved bytes as they are, a space as `+`, the rest `%XX` (UTF-8).
pub fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// An amount in euros as a user types it in a form (`12500`, `12.500`,
/// `€ 12.500,00`, `-500.000`): the importer's parser with Dutch conventions.
pub fn bedrag(s: &str) -> Result<buig_core::Money, String> {
    buig_import::bedrag(s, true).map_err(|_| format!("\"{}\" is geen bedrag in euro's (bijvoorbeeld 12500 of € 12.500,00)", s.trim()))
}
