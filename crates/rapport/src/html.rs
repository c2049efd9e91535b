//! HTML rendering: one standalone, print-ready page (`<html lang="nl">`),
//! semantic headings and tables, CSS inline, no scripts. All text goes
//! through maud, which escapes it.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::doc::{Blok, Document, Tekst};

const CSS: &str = r#"
@page { size: A4; margin: 2cm 2cm 2.2cm 2cm; }
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1.titel { font-size: 20pt; margin: 0 0 .3em; color: #01689b; }
h2 { font-size: 14pt; color: #01689b; margin: 1.6em 0 .5em; border-bottom: 1px solid #cfe0ea; padding-bottom: .15em; }
h3 { font-size: 12pt; margin: 1.2em 0 .4em; }
dl.kenmerken { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; margin: 0 0 1.5em; color: #444; }
dl.kenmerken dt { font-weight: 600; }
dl.kenmerken dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: 10pt; }
th, td { border: 1px solid #b9c7d0; padding: .3em .5em; vertical-align: top; text-align: left; }
thead th { background: #e6eff4; }
td.bedrag, th.bedrag { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
aside.kader { border-left: 4px solid #e17000; background: #fff4e8; padding: .5em 1em; margin: .8em 0; }
aside.kader h3 { margin: .2em 0 .3em; }
section.bijlage { break-before: page; }
footer { margin-top: 3em; font-size: 9pt; color: #666; border-top: 1px solid #ddd; padding-top: .4em; }
@media print { body { margin: 0; max-width: none; } thead { display: table-header-group; } tr { break-inside: avoid; } footer { display: none; } }
"#;

fn tekst(t: &Tekst) -> Markup {
    html! {
        @for s in t {
            @if s.vet { strong { (s.tekst) } } @else { (s.tekst) }
        }
    }
}

fn blok(b: &Blok) -> Markup {
    html! {
        @match b {
            Blok::Kop1(s) => h2 { (s) },
            Blok::Kop2(s) => h3 { (s) },
            Blok::Alinea(t) => p { (tekst(t)) },
            Blok::Lijst { genummerd: true, items } => ol { @for i in items { li { (tekst(i)) } } },
            Blok::Lijst { genummerd: false, items } => ul { @for i in items { li { (tekst(i)) } } },
            Blok::Tabel(t) => table {
                thead { tr { @for (i, k) in t.kop.iter().enumerate() {
                    th scope="col" class=[t.rechts.get(i).copied().unwrap_or(false).then_some("bedrag")] { (k) }
                } } }
                tbody { @for rij in &t.rijen { tr { @for (i, c) in rij.iter().enumerate() {
                    td class=[t.rechts.get(i).copied().unwrap_or(false).then_some("bedrag")] { (c) }
                } } } }
            },
            Blok::Kader { titel, items } => aside.kader {
                h3 { (titel) }
                ul { @for i in items { li { (i) } } }
            },
            Blok::Pagina => {},
        }
    }
}

/// Renders the document as a complete HTML page.
pub fn render(d: &Document) -> String {
    // Appendices (after a page break) each get their own <section class="bijlage">.
    let mut delen: Vec<Vec<&Blok>> = vec![Vec::new()];
    for b in &d.blokken {
        if matches!(b, Blok::Pagina) {
            delen.push(Vec::new());
        } else {
            delen.last_mut().expect("never empty").push(b);
        }
    }
    let (hoofd, bijlagen) = delen.split_first().expect("never empty");
    let page = html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (d.titel) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1.titel { (d.titel) }
                    dl.kenmerken { @for (k, v) in &d.kenmerken { dt { (k) } dd { (v) } } }
                }
                main {
                    @for b in hoofd { (blok(b)) }
                    @for deel in bijlagen {
                        section.bijlage { @for b in deel { (blok(b)) } }
                    }
                }
                footer { (d.titel) }
            }
        }
    };
    page.into_string()
}
