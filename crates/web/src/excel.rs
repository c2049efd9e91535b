// SPDX-License-Identifier: EUPL-1.2
//! Every table of every page as an Excel workbook: this layer keeps the
//! page's address for the request ([`link`]: the page frame puts a link to
//! the same address with `excel=1` on a page with tables), and answers such
//! a request with the page's own tables read back from its HTML — so the
//! workbook holds exactly the figures the page shows, numbers as numbers
//! ([`buig_rapport::xlsx::cel`]), nothing computed twice. Other pages pass
//! through untouched.

use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use buig_rapport::xlsx::{werkmap, Blad};
use scraper::{ElementRef, Html, Selector};

tokio::task_local! {
    /// The address of the page being answered, without `excel`.
    static ADRES: String;
}

/// The link to the current page's tables in Excel; `None` outside a page request.
pub fn link() -> Option<maud::Markup> {
    let href = ADRES.try_with(|a| excel_adres(a)).ok()?;
    Some(maud::html! { p.excel { a.knop.tweede href=(href) download { "Tabellen van deze pagina in Excel" } } })
}

/// The most of a page this layer reads (pages are far smaller).
const MAX_PAGINA: usize = 32 * 1024 * 1024;

/// The address without `excel`, and whether it was asked.
fn zonder_excel(uri: &Uri) -> (String, bool) {
    let pad = uri.path().to_string();
    let Some(q) = uri.query() else { return (pad, false) };
    let mut gevraagd = false;
    let rest: Vec<&str> = q
        .split('&')
        .filter(|p| {
            let is = *p == "excel" || p.starts_with("excel=");
            gevraagd |= is;
            !is && !p.is_empty()
        })
        .collect();
    if rest.is_empty() {
        (pad, gevraagd)
    } else {
        (format!("{pad}?{}", rest.join("&")), gevraagd)
    }
}

fn tekst(e: ElementRef<'_>) -> String {
    e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tables of a page: title from the caption (else "Tabel n"), the last
/// header row, the body rows as shown.
pub fn tabellen(html: &str) -> Vec<Blad> {
    let doc = Html::parse_document(html);
    let sel = |s: &str| Selector::parse(s).expect("a valid selector");
    let (tabel, caption, kop, rij, cel) = (sel("table"), sel("caption"), sel("thead tr"), sel("tr"), sel("th, td"));
    let mut bladen = Vec::new();
    for (i, t) in doc.select(&tabel).enumerate() {
        let titel = t.select(&caption).next().map(tekst).filter(|s| !s.is_empty()).unwrap_or_else(|| format!("Tabel {}", i + 1));
        let kop_rij = t.select(&kop).last();
        let kop: Vec<String> = kop_rij.map(|r| r.select(&cel).map(tekst).collect()).unwrap_or_default();
        let rijen = t
            .select(&rij)
            // Rows of this table only (not of a table inside it), outside the header.
            .filter(|r| r.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "table") == Some(t))
            .filter(|r| !r.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "thead"))
            .map(|r| r.select(&cel).map(tekst).collect::<Vec<_>>())
            .filter(|r| !r.is_empty())
            .collect();
        bladen.push(Blad { titel, kop, rijen });
    }
    bladen
}

/// The address of the page's workbook: the page's own query without the
/// one-time banner codes (`opgeslagen`, `vastgelegd`), plus `excel=1`.
fn excel_adres(adres: &str) -> String {
    let (pad, q) = adres.split_once('?').unwrap_or((adres, ""));
    let mut delen: Vec<&str> =
        q.split('&').filter(|p| !p.is_empty() && !p.starts_with("opgeslagen=") && !p.starts_with("vastgelegd=")).collect();
    delen.push("excel=1");
    format!("{pad}?{}", delen.join("&"))
}

/// A file name from the address: `/g/GM9999/budget` → `budget-GM9999.xlsx`.
fn bestandsnaam(pad: &str) -> String {
    let delen: Vec<&str> = pad.split('/').filter(|d| !d.is_empty() && *d != "g").collect();
    let naam = match delen.as_slice() {
        [] => "overzicht".to_string(),
        [code] => format!("overzicht-{code}"),
        [code, rest @ ..] => format!("{}-{code}", rest.join("-")),
    };
    let veilig: String = naam.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    format!("{veilig}.xlsx")
}

/// The layer: the page's address for its link, the workbook when asked.
pub async fn laag(mut req: Request<Body>, next: Next) -> Response {
    if req.method() != Method::GET || req.uri().path().starts_with("/api/") || req.uri().path().starts_with("/static/") {
        return next.run(req).await;
    }
    let (adres, excel) = zonder_excel(req.uri());
    if excel {
        if let Ok(uri) = adres.parse::<Uri>() {
            *req.uri_mut() = uri;
        }
    }
    if !excel {
        return ADRES.scope(adres, next.run(req)).await;
    }
    let res = ADRES.scope(adres.clone(), next.run(req)).await;
    let html_pagina = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if res.status() != StatusCode::OK || !html_pagina {
        return res;
    }
    let Ok(bytes) = axum::body::to_bytes(res.into_body(), MAX_PAGINA).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "De pagina is te groot om te lezen.").into_response();
    };
    let pad = adres.split('?').next().unwrap_or("/").to_string();
    let bladen = tabellen(&String::from_utf8_lossy(&bytes));
    match tokio::task::spawn_blocking(move || werkmap(&bladen)).await {
        Ok(Ok(xlsx)) => {
            let mut r = xlsx.into_response();
            let h = r.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(crate::download::XLSX));
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", bestandsnaam(&pad))) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
        _ => (StatusCode::INTERNAL_SERVER_ERROR, "Het Excel-bestand kon niet worden gemaakt.").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excel_parameter_is_taken_off_the_address_and_the_rest_kept() {
        let u = |s: &str| s.parse::<Uri>().unwrap();
        assert_eq!(zonder_excel(&u("/g/GM9999/budget?jaar=2024&excel=1")), ("/g/GM9999/budget?jaar=2024".into(), true));
        assert_eq!(zonder_excel(&u("/g/GM9999/budget?excel")), ("/g/GM9999/budget".into(), true));
        assert_eq!(zonder_excel(&u("/g/GM9999/budget?jaar=2024")), ("/g/GM9999/budget?jaar=2024".into(), false));
        assert_eq!(zonder_excel(&u("/g/GM9999/budget?excelsior=1")), ("/g/GM9999/budget?excelsior=1".into(), false));
        assert_eq!(excel_adres("/g/GM9999/vangnet?jaar=2023&opgeslagen=toelichting"), "/g/GM9999/vangnet?jaar=2023&excel=1");
        assert_eq!(excel_adres("/g/GM9999/budget"), "/g/GM9999/budget?excel=1");
        assert_eq!(bestandsnaam("/g/GM9999/vangnet"), "vangnet-GM9999.xlsx");
        assert_eq!(bestandsnaam("/g/GM9999/plan/actie/1B"), "plan-actie-1B-GM9999.xlsx");
        assert_eq!(bestandsnaam("/vergelijking"), "overzicht-vergelijking.xlsx");
    }

    #[test]
    fn a_pages_tables_are_read_with_their_caption_header_and_rows_only() {
        let html = "<html><body><table><caption>Budget per jaar</caption><thead><tr><th>Jaar</th><th>Budget</th></tr></thead>\
            <tbody><tr><th scope=row>2023</th><td>€\u{a0}1.234</td></tr><tr><td>2024</td><td>onbekend</td></tr></tbody></table>\
            <table><tr><td>a <b>b</b></td></tr></table></body></html>";
        let t = tabellen(html);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].titel, "Budget per jaar");
        assert_eq!(t[0].kop, vec!["Jaar", "Budget"]);
        assert_eq!(t[0].rijen, vec![vec!["2023".to_string(), "€ 1.234".to_string()], vec!["2024".into(), "onbekend".into()]]);
        assert_eq!(t[1].titel, "Tabel 2");
        assert_eq!(t[1].rijen, vec![vec!["a b".to_string()]]);
    }
}
