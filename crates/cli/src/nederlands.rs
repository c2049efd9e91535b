// SPDX-License-Identifier: EUPL-1.2
//! The command line in Dutch, clap's own words included: the headings of
//! every `--help` ("Gebruik", "Opties", "Opdrachten", "Argumenten"), the help
//! and version flags, the placeholders in a usage line, and every argument
//! error, written from the error's kind and context rather than from clap's
//! English text. The arguments themselves are documented in Dutch where they
//! are declared.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The layout of every help page, with a Dutch usage heading.
const SJABLOON: &str = "{before-help}{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// `cmd` and every subcommand with Dutch headings, help and version flags.
pub fn in_het_nederlands(cmd: Command) -> Command {
    let versie = cmd.get_version().is_some();
    let mut cmd = cmd
        .help_template(SJABLOON)
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(Arg::new("hulp").short('h').long("help").action(ArgAction::Help).help("Toon deze hulp"))
        .mut_args(|a| {
            let kop = if a.is_positional() { "Argumenten" } else { "Opties" };
            a.help_heading(kop)
        });
    if versie {
        cmd = cmd
            .disable_version_flag(true)
            .arg(Arg::new("versie").short('V').long("version").action(ArgAction::Version).help("Toon de versie").help_heading("Opties"));
    }
    cmd.mut_subcommands(in_het_nederlands)
}

/// clap's fixed words in a rendered help page or usage line, in Dutch.
pub fn vertaal(tekst: &str) -> String {
    [
        ("Usage: ", "Gebruik: "),
        ("[OPTIONS]", "[OPTIES]"),
        ("<COMMAND>", "<OPDRACHT>"),
        ("[COMMAND]", "[OPDRACHT]"),
        ("[default: ", "[standaard: "),
        ("[possible values: ", "[mogelijke waarden: "),
        ("[env: ", "[omgevingsvariabele: "),
        ("[aliases: ", "[ook: "),
        ("[alias: ", "[ook: "),
        ("[short aliases: ", "[ook: "),
        ("[short alias: ", "[ook: "),
    ]
    .iter()
    .fold(tekst.to_string(), |t, (en, nl)| t.replace(en, nl))
}

fn waarde(e: &clap::Error, k: ContextKind) -> Option<String> {
    e.get(k).map(|v| match v {
        ContextValue::Strings(s) => s.iter().map(|x| format!("'{x}'")).collect::<Vec<_>>().join(", "),
        ContextValue::StyledStrs(s) => s.iter().map(|x| format!("'{}'", x.to_string().trim())).collect::<Vec<_>>().join(", "),
        v => v.to_string(),
    })
}

fn usage(e: &clap::Error) -> Option<String> {
    match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => Some(vertaal(&StyledStr::to_string(s))),
        _ => None,
    }
}

/// Why a value was refused: the standard parsers' errors (English) in Dutch
/// words; our own parsers already speak Dutch.
fn waarom(e: &clap::Error) -> String {
    let Some(bron) = std::error::Error::source(e) else { return "is niet goed".into() };
    if let Some(p) = bron.downcast_ref::<std::num::ParseIntError>() {
        return match p.kind() {
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => "is te groot of te klein".into(),
            std::num::IntErrorKind::Empty => "is leeg; er hoort een geheel getal".into(),
            _ => "is geen geheel getal".into(),
        };
    }
    if bron.is::<std::num::ParseFloatError>() {
        return "is geen getal".into();
    }
    if bron.is::<jiff::Error>() {
        return "is geen datum in de vorm JJJJ-MM-DD".into();
    }
    let tekst = bron.to_string();
    // clap's own checks (ranges, booleans) speak English: say it plainly.
    if tekst.is_ascii() && ["is not", "invalid", "must be", "out of range", "expected"].iter().any(|w| tekst.contains(w)) {
        return format!("is niet goed ({})", vertaal_bereik(&tekst));
    }
    format!("is niet goed: {tekst}")
}

/// clap's range message ("0 is not in 1..=100") without English.
fn vertaal_bereik(t: &str) -> String {
    match t.split_once(" is not in ") {
        Some((_, bereik)) => format!("toegestaan: {}", bereik.replace("..=", " t/m ").replace("..", " tot ")),
        None => "ongeldige waarde".into(),
    }
}

/// An argument error in Dutch: what is wrong, a suggestion where clap has
/// one, the usage line and where to read more.
pub fn foutmelding(e: &clap::Error) -> String {
    let arg = waarde(e, ContextKind::InvalidArg).unwrap_or_default();
    let val = waarde(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut m = match e.kind() {
        ErrorKind::UnknownArgument => format!("onbekende optie of argument '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            format!("onbekende opdracht '{}'", waarde(e, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue if val.is_empty() => format!("{arg}: er hoort een waarde bij"),
        ErrorKind::InvalidValue => format!("{arg}: '{val}' is geen geldige waarde"),
        ErrorKind::ValueValidation => format!("{arg}: '{val}' {}", waarom(e)),
        ErrorKind::NoEquals => format!("{arg}: geef de waarde met '=' (bijvoorbeeld {arg}=WAARDE)"),
        ErrorKind::TooManyValues => format!("{arg}: te veel waarden ('{val}')"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let verwacht = waarde(e, ContextKind::ExpectedNumValues).or_else(|| waarde(e, ContextKind::MinValues)).unwrap_or_default();
            let gegeven = waarde(e, ContextKind::ActualNumValues).unwrap_or_default();
            format!("{arg}: {verwacht} waarden verwacht, {gegeven} gegeven")
        }
        ErrorKind::ArgumentConflict => match waarde(e, ContextKind::PriorArg) {
            Some(eerder) => format!("{arg} kan niet samen met {eerder}"),
            None => format!("{arg} mag maar één keer"),
        },
        ErrorKind::MissingRequiredArgument => format!("ontbreekt: {arg}"),
        ErrorKind::MissingSubcommand => "kies een opdracht".to_string(),
        ErrorKind::InvalidUtf8 => "een argument is geen geldige UTF-8-tekst".to_string(),
        _ => vertaal(e.render().to_string().trim_start_matches("error: ").lines().next().unwrap_or("onbekende fout")),
    };
    for (k, tekst) in [
        (ContextKind::SuggestedArg, "bedoelt u"),
        (ContextKind::SuggestedSubcommand, "bedoelt u de opdracht"),
        (ContextKind::SuggestedValue, "bedoelt u"),
    ] {
        if let Some(s) = waarde(e, k) {
            let s = if s.starts_with('\'') { s } else { format!("'{s}'") };
            m.push_str(&format!("; {tekst} {s}?"));
        }
    }
    if let Some(v) = waarde(e, ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        m.push_str(&format!(" (mogelijke waarden: {v})"));
    }
    if let Some(u) = usage(e) {
        m.push_str(&format!("\n\n{}", u.trim_end()));
    }
    m.push_str("\n\nMeer uitleg: --help");
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd() -> Command {
        in_het_nederlands(
            Command::new("proef")
                .version("1.0")
                .about("Een proef")
                .arg(Arg::new("jaar").long("jaar").value_parser(clap::value_parser!(i32)).help("Het jaar"))
                .subcommand(Command::new("sub").arg(Arg::new("bestand").required(true))),
        )
    }

    #[test]
    fn the_help_page_has_only_dutch_headings() {
        let help = vertaal(&cmd().render_help().to_string());
        for nl in ["Gebruik: proef [OPTIES] [OPDRACHT]", "Opdrachten:", "Opties:", "Toon deze hulp", "Toon de versie"] {
            assert!(help.contains(nl), "{nl}: {help}");
        }
        for en in ["Usage", "Options", "Commands", "Print help", "Print version"] {
            assert!(!help.contains(en), "{en}: {help}");
        }
    }

    #[test]
    fn an_unknown_flag_and_a_bad_number_are_told_in_dutch_with_the_flag() {
        let e = cmd().try_get_matches_from(["proef", "--jar", "2023"]).unwrap_err();
        let m = foutmelding(&e);
        assert!(m.starts_with("onbekende optie of argument '--jar'; bedoelt u '--jaar'?"), "{m}");
        let e = cmd().try_get_matches_from(["proef", "--jaar", "twee"]).unwrap_err();
        let m = foutmelding(&e);
        assert!(m.starts_with("--jaar <jaar>: 'twee' is geen geheel getal"), "{m}");
        let e = cmd().try_get_matches_from(["proef", "sub"]).unwrap_err();
        assert!(foutmelding(&e).starts_with("ontbreekt: '<bestand>'"), "{}", foutmelding(&e));
    }
}
