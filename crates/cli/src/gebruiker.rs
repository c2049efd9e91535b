// SPDX-License-Identifier: EUPL-1.2
//! `buig gebruiker`: user accounts, roles per gemeente, API tokens and the
//! audit log, on the command line. Parses and prints only; the work is in
//! `buig_store::gebruikers`. Every change is written to the audit log with
//! no user (the command line).

use buig_core::GemeenteCode;
use buig_store::gebruikers::willekeurig_wachtwoord;
use buig_store::{GebruikerFout, Rol, Store};
use clap::{Args, Subcommand};

use crate::fout::{Fout, Uit};
use crate::gedeeld::{open_store, DbArgs};

/// Length of a password made up by `toevoegen` and `wachtwoord`.
const LENGTE_GEGENEREERD: usize = 20;

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig gebruiker toevoegen anna --rol GM0150=bewerker --rol GM0153=lezer\n  buig gebruiker toevoegen beheer --rol '*=beheerder'\n  buig gebruiker lijst\n  buig gebruiker rol anna GM0164 beheerder\n  buig gebruiker token anna --omschrijving \"nachtelijke import\"\n  buig gebruiker audit --gemeente GM0150 --limiet 20\n\nRollen: lezer (alleen lezen), bewerker (ook importeren en plannen bijwerken), beheerder (ook gebruikers beheren)."
)]
pub struct GebruikerArgs {
    #[command(subcommand)]
    actie: GebruikerCmd,
}

#[derive(Subcommand)]
enum GebruikerCmd {
    /// Een gebruiker toevoegen, met rollen per gemeente
    #[command(after_help = "Voorbeeld:\n  buig gebruiker toevoegen anna --rol GM0150=bewerker --rol GM0153=lezer")]
    Toevoegen(ToevoegenArgs),
    /// Alle gebruikers met hun rollen
    #[command(after_help = "Voorbeeld:\n  buig gebruiker lijst")]
    Lijst(DbArgs),
    /// Een gebruiker een rol geven voor een gemeente (vervangt een eerdere rol)
    #[command(after_help = "Voorbeeld:\n  buig gebruiker rol anna GM0164 beheerder")]
    Rol(RolArgs),
    /// De rol van een gebruiker voor een gemeente intrekken
    #[command(after_help = "Voorbeeld:\n  buig gebruiker rol-intrekken anna GM0164")]
    RolIntrekken(RolIntrekkenArgs),
    /// Een nieuw wachtwoord instellen; lopende sessies van de gebruiker eindigen
    #[command(after_help = "Voorbeeld:\n  buig gebruiker wachtwoord anna")]
    Wachtwoord(WachtwoordArgs),
    /// Een gebruiker verwijderen, met rollen, sessies en API-tokens
    #[command(after_help = "Voorbeeld:\n  buig gebruiker verwijderen anna")]
    Verwijderen(NaamArgs),
    /// Een API-token maken; het token wordt één keer getoond
    #[command(after_help = "Voorbeeld:\n  buig gebruiker token anna --omschrijving \"nachtelijke import\"")]
    Token(TokenArgs),
    /// Het auditlog: wie deed wat, nieuwste eerst
    #[command(after_help = "Voorbeeld:\n  buig gebruiker audit --gemeente GM0150 --limiet 20")]
    Audit(AuditArgs),
}

#[derive(Args)]
struct ToevoegenArgs {
    /// Gebruikersnaam: 1 tot 64 tekens uit a-z, 0-9, punt, underscore, @ en streepje
    naam: String,
    /// Wachtwoord (minstens 12 tekens); zonder deze optie en zonder BUIG_WACHTWOORD wordt er een gemaakt en één keer getoond
    #[arg(long, env = "BUIG_WACHTWOORD", hide_env_values = true)]
    wachtwoord: Option<String>,
    /// Rol voor een gemeente, bijvoorbeeld GM0150=bewerker (herhaalbaar); '*=beheerder' geeft de rol voor elke gemeente in de database
    #[arg(long, value_name = "GEMEENTE=ROL", value_parser = gemeente_rol)]
    rol: Vec<(Doel, Rol)>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct RolArgs {
    /// Gebruikersnaam
    naam: String,
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    gemeente: String,
    /// lezer | bewerker | beheerder
    rol: String,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct RolIntrekkenArgs {
    /// Gebruikersnaam
    naam: String,
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    gemeente: String,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct WachtwoordArgs {
    /// Gebruikersnaam
    naam: String,
    /// Het nieuwe wachtwoord (minstens 12 tekens); zonder deze optie en zonder BUIG_WACHTWOORD wordt er een gemaakt en één keer getoond
    #[arg(long, env = "BUIG_WACHTWOORD", hide_env_values = true)]
    wachtwoord: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct NaamArgs {
    /// Gebruikersnaam
    naam: String,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct TokenArgs {
    /// Gebruikersnaam
    naam: String,
    /// Waar het token voor is, bijvoorbeeld "nachtelijke import"
    #[arg(long, default_value = "")]
    omschrijving: String,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct AuditArgs {
    /// Alleen regels over deze gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: Option<String>,
    /// Hoeveel regels ten hoogste
    #[arg(long, default_value_t = 50)]
    limiet: i64,
    #[command(flatten)]
    db: DbArgs,
}

/// Whom a role of `toevoegen` is for: one gemeente, or (`*`) every gemeente in the database.
#[derive(Clone, Copy, Debug)]
enum Doel {
    Gemeente(GemeenteCode),
    Alle,
}

/// `GM0150=bewerker` (or `*=beheerder`) as a gemeente and a role.
fn gemeente_rol(s: &str) -> Result<(Doel, Rol), String> {
    let (g, r) = s.split_once('=').ok_or_else(|| format!("\"{s}\": verwacht GEMEENTE=ROL, bijvoorbeeld GM0150=bewerker of *=beheerder"))?;
    let doel = if g.trim() == "*" { Doel::Alle } else { Doel::Gemeente(g.parse()?) };
    Ok((doel, r.parse()?))
}

fn gemeente(veld: &str, s: &str) -> Result<GemeenteCode, Fout> {
    s.parse().map_err(|e: String| Fout::Invoer(format!("{veld}: {e}")))
}

/// Exit code 2 for what the user can fix, 1 for the database.
fn fout(e: GebruikerFout) -> Fout {
    match e {
        GebruikerFout::Store(e) => Fout::Intern(e.to_string()),
        e => Fout::Invoer(e.to_string()),
    }
}

fn dbfout(e: buig_store::StoreError) -> Fout {
    Fout::Intern(e.to_string())
}

/// The password given, or a new one that is printed once.
fn wachtwoord_of_nieuw(gegeven: &Option<String>) -> Result<(String, bool), Fout> {
    match gegeven {
        Some(w) => Ok((w.clone(), false)),
        None => Ok((willekeurig_wachtwoord(LENGTE_GEGENEREERD).map_err(dbfout)?, true)),
    }
}

async fn audit(store: &Store, actie: &str, gemeente: Option<&GemeenteCode>, details: &str) -> Uit<()> {
    store.audit(None, actie, gemeente, details).await.map_err(dbfout)
}

fn rollen_tekst(rollen: &[(GemeenteCode, Rol)]) -> String {
    if rollen.is_empty() {
        "(geen rollen)".into()
    } else {
        rollen.iter().map(|(g, r)| format!("{g}={r}")).collect::<Vec<_>>().join(", ")
    }
}

pub fn gebruiker(a: &GebruikerArgs) -> Uit<()> {
    match &a.actie {
        GebruikerCmd::Toevoegen(t) => {
            let (wachtwoord, gegenereerd) = wachtwoord_of_nieuw(&t.wachtwoord)?;
            let store = open_store(&t.db)?;
            buig_store::block_on(async {
                // `*` stands for every gemeente in the database now (a gemeente added later needs `buig gebruiker rol`).
                let mut rollen: Vec<(GemeenteCode, Rol)> = Vec::new();
                for (doel, r) in &t.rol {
                    match doel {
                        Doel::Gemeente(g) => rollen.push((*g, *r)),
                        Doel::Alle => {
                            for g in store.gemeenten().await.map_err(dbfout)? {
                                rollen.push((g.code, *r));
                            }
                        }
                    }
                }
                store.gebruiker_toevoegen(&t.naam, &wachtwoord).await.map_err(fout)?;
                let naam = t.naam.trim().to_lowercase();
                for (g, r) in &rollen {
                    if let Err(e) = store.rol_toekennen(&naam, g, *r).await {
                        // All or nothing: a user without the roles asked for is not kept.
                        let _ = store.gebruiker_verwijderen(&naam).await;
                        let toelichting = format!("\nEr is niets opgeslagen; gebruiker \"{naam}\" is niet toegevoegd.");
                        return Err(match fout(e) {
                            Fout::Invoer(m) => Fout::Invoer(m + &toelichting),
                            Fout::Intern(m) => Fout::Intern(m + &toelichting),
                        });
                    }
                }
                audit(&store, "gebruiker.toevoegen", None, &format!("naam={naam}")).await?;
                for (doel, r) in &t.rol {
                    match doel {
                        Doel::Gemeente(g) => audit(&store, "gebruiker.rol-toekennen", Some(g), &format!("naam={naam} rol={r}")).await?,
                        Doel::Alle => {
                            audit(&store, "gebruiker.rol-toekennen", None, &format!("naam={naam} rol={r} gemeenten=alle")).await?
                        }
                    }
                }
                let alle = t.rol.iter().filter(|(d, _)| matches!(d, Doel::Alle)).count() > 0;
                if alle {
                    println!("Gebruiker \"{naam}\" toegevoegd; rollen voor {} gemeenten.", rollen.len());
                } else {
                    println!("Gebruiker \"{naam}\" toegevoegd; rollen: {}.", rollen_tekst(&rollen));
                }
                if gegenereerd {
                    println!("Wachtwoord (wordt maar één keer getoond): {wachtwoord}");
                }
                Ok(())
            })
        }
        GebruikerCmd::Lijst(db) => {
            let store = open_store(db)?;
            let lijst = buig_store::block_on(store.gebruikers()).map_err(dbfout)?;
            if lijst.is_empty() {
                println!("Er zijn nog geen gebruikers; voeg er een toe met `buig gebruiker toevoegen NAAM --rol GM0150=beheerder`.");
            }
            let breed = lijst.iter().map(|g| g.naam.chars().count()).max().unwrap_or(4).max(4);
            if !lijst.is_empty() {
                println!("{:<breed$}  rollen", "naam");
            }
            for g in lijst {
                println!("{:<breed$}  {}", g.naam, rollen_tekst(&g.rollen));
            }
            Ok(())
        }
        GebruikerCmd::Rol(r) => {
            let g = gemeente("GEMEENTE", &r.gemeente)?;
            let rol: Rol = r.rol.parse().map_err(|e: String| Fout::Invoer(e))?;
            let store = open_store(&r.db)?;
            buig_store::block_on(async {
                store.rol_toekennen(&r.naam, &g, rol).await.map_err(fout)?;
                let naam = r.naam.trim().to_lowercase();
                audit(&store, "gebruiker.rol-toekennen", Some(&g), &format!("naam={naam} rol={rol}")).await?;
                println!("\"{naam}\" is nu {rol} voor {g}.");
                Ok(())
            })
        }
        GebruikerCmd::RolIntrekken(r) => {
            let g = gemeente("GEMEENTE", &r.gemeente)?;
            let store = open_store(&r.db)?;
            buig_store::block_on(async {
                let naam = r.naam.trim().to_lowercase();
                let had = store.gebruiker(&naam).await.map_err(dbfout)?.and_then(|x| x.rol(&g));
                store.rol_intrekken(&naam, &g).await.map_err(fout)?;
                match had {
                    Some(rol) => {
                        audit(&store, "gebruiker.rol-intrekken", Some(&g), &format!("naam={naam} rol={rol}")).await?;
                        println!("De rol {rol} van \"{naam}\" voor {g} is ingetrokken.");
                    }
                    None => println!("\"{naam}\" had geen rol voor {g}; er is niets gewijzigd."),
                }
                Ok(())
            })
        }
        GebruikerCmd::Wachtwoord(w) => {
            let (wachtwoord, gegenereerd) = wachtwoord_of_nieuw(&w.wachtwoord)?;
            let store = open_store(&w.db)?;
            buig_store::block_on(async {
                store.wachtwoord_wijzigen(&w.naam, &wachtwoord).await.map_err(fout)?;
                let naam = w.naam.trim().to_lowercase();
                audit(&store, "gebruiker.wachtwoord-wijzigen", None, &format!("naam={naam}")).await?;
                println!("Het wachtwoord van \"{naam}\" is gewijzigd; lopende sessies zijn beëindigd.");
                if gegenereerd {
                    println!("Wachtwoord (wordt maar één keer getoond): {wachtwoord}");
                }
                Ok(())
            })
        }
        GebruikerCmd::Verwijderen(v) => {
            let store = open_store(&v.db)?;
            buig_store::block_on(async {
                store.gebruiker_verwijderen(&v.naam).await.map_err(fout)?;
                let naam = v.naam.trim().to_lowercase();
                audit(&store, "gebruiker.verwijderen", None, &format!("naam={naam}")).await?;
                println!("Gebruiker \"{naam}\" is verwijderd, met rollen, sessies en API-tokens.");
                Ok(())
            })
        }
        GebruikerCmd::Token(t) => {
            let store = open_store(&t.db)?;
            buig_store::block_on(async {
                let token = store.api_token_maken(&t.naam, &t.omschrijving).await.map_err(fout)?;
                let naam = t.naam.trim().to_lowercase();
                let omschrijving = t.omschrijving.trim();
                audit(&store, "gebruiker.token-maken", None, &format!("naam={naam} omschrijving={omschrijving}")).await?;
                println!("API-token voor \"{naam}\" (wordt maar één keer getoond; bewaar het veilig):");
                println!("{token}");
                Ok(())
            })
        }
        GebruikerCmd::Audit(l) => {
            let g = l.gemeente.as_deref().map(|s| gemeente("--gemeente", s)).transpose()?;
            if l.limiet < 1 {
                return Err(Fout::Invoer(format!("--limiet: {} is te klein; geef minstens 1", l.limiet)));
            }
            let store = open_store(&l.db)?;
            let regels = buig_store::block_on(store.auditlog(g.as_ref(), l.limiet)).map_err(dbfout)?;
            if regels.is_empty() {
                println!("Het auditlog is leeg{}.", g.map(|g| format!(" voor {g}")).unwrap_or_default());
                return Ok(());
            }
            // Dutch local time and the action in words, its code beside it for scripts.
            println!("{:<24}  {:<16} {:<60} {:<8} details", "tijd (Nederlandse tijd)", "gebruiker", "actie", "gemeente");
            for r in regels {
                let actie = format!("{} ({})", buig_store::gebruikers::actie_in_woorden(&r.actie), r.actie);
                println!(
                    "{:<24}  {:<16} {:<60} {:<8} {}",
                    buig_core::nl::tijdstip(&r.tijd),
                    r.gebruiker.as_deref().unwrap_or("(cli)"),
                    actie,
                    r.gemeente.as_deref().unwrap_or("-"),
                    r.details
                );
            }
            Ok(())
        }
    }
}
